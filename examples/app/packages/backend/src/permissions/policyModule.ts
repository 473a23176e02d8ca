import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DbaasOwnerPolicy } from './DbaasOwnerPolicy';

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'dbaas-owner-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DbaasOwnerPolicy());
      },
    });
  },
});
