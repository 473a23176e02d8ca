import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { dbaasDriversExtensionPoint } from '@justmanage/plugin-dbaas-node';
import { KubernetesDriver } from './KubernetesDriver';

/**
 * Adds the Kubernetes driver (platform `kubernetes`) to the dbaas backend
 * when `dbaas.drivers.kubernetes` is configured.
 * @public
 */
export const dbaasModuleKubernetesDriver = createBackendModule({
  pluginId: 'dbaas',
  moduleId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: {
        drivers: dbaasDriversExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ drivers, config, logger }) {
        const settings = config.getOptionalConfig('dbaas.drivers.kubernetes');
        if (!settings || settings.getOptionalBoolean('enabled') === false)
          return;
        drivers.addDriver(KubernetesDriver.fromConfig(config, { logger }));
      },
    });
  },
});
