import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { dbaasServiceRef } from '@justmanage/plugin-dbaas-node';
import { DbaasEntityProvider } from './providers/DbaasEntityProvider';
import { readProviderSchedule } from './providers/readProviderSchedule';

/**
 * Adds the dbaas entity provider to the catalog: every instance becomes a
 * `Resource` entity.
 * @public
 */
export const catalogModuleDbaas = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'dbaas',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        dbaas: dbaasServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        auth,
        discovery,
        dbaas,
      }) {
        catalog.addEntityProvider(
          DbaasEntityProvider.create({
            dbaas,
            auth,
            discovery,
            appBaseUrl: config.getString('app.baseUrl'),
            taskRunner: scheduler.createScheduledTaskRunner(
              readProviderSchedule(config),
            ),
            logger,
          }),
        );
      },
    });
  },
});
