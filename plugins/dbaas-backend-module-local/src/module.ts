import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { dbaasDriversExtensionPoint } from '@justmanage/plugin-dbaas-node';
import { LocalDriver } from './LocalDriver';

/**
 * Adds the local driver (platform `local`) to the dbaas backend; its
 * settings are under `dbaas.drivers.local`.
 * @public
 */
export const dbaasModuleLocalDriver = createBackendModule({
  pluginId: 'dbaas',
  moduleId: 'local',
  register(reg) {
    reg.registerInit({
      deps: {
        drivers: dbaasDriversExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ drivers, config, logger }) {
        if (
          config.getOptionalBoolean('dbaas.drivers.local.enabled') === false
        ) {
          return;
        }
        drivers.addDriver(LocalDriver.fromConfig(config, { logger }));
      },
    });
  },
});
