import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { dbaasDriversExtensionPoint } from '@justmanage/plugin-dbaas-node';
import { NomadDriver } from './NomadDriver';

/**
 * Adds the Nomad driver (platform `nomad`) to the dbaas backend when
 * `dbaas.drivers.nomad` is configured.
 * @public
 */
export const dbaasModuleNomadDriver = createBackendModule({
  pluginId: 'dbaas',
  moduleId: 'nomad',
  register(reg) {
    reg.registerInit({
      deps: {
        drivers: dbaasDriversExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ drivers, config, logger }) {
        const settings = config.getOptionalConfig('dbaas.drivers.nomad');
        if (!settings || settings.getOptionalBoolean('enabled') === false)
          return;
        drivers.addDriver(NomadDriver.fromConfig(config, { logger }));
      },
    });
  },
});
