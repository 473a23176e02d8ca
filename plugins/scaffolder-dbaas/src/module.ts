import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { dbaasServiceRef } from '@justmanage/plugin-dbaas-node';
import { createDbaasRedisCreateAction } from './actions/createRedis';
import { createDbaasRedisDeleteAction } from './actions/deleteRedis';

const DEFAULT_OPERATION_TIMEOUT_MINUTES = 10;

/**
 * Adds the actions `dbaas:redis:create` and `dbaas:redis:delete` to the
 * scaffolder.
 * @public
 */
export const scaffolderModuleDbaas = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'dbaas',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        dbaas: dbaasServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, dbaas, config }) {
        const minutes =
          config.getOptionalNumber(
            'scaffolder.dbaas.operationTimeoutMinutes',
          ) ?? DEFAULT_OPERATION_TIMEOUT_MINUTES;
        const operationTimeoutMs = Math.round(minutes * 60_000);
        scaffolder.addActions(
          createDbaasRedisCreateAction({ dbaas, operationTimeoutMs }),
          createDbaasRedisDeleteAction({ dbaas, operationTimeoutMs }),
        );
      },
    });
  },
});
