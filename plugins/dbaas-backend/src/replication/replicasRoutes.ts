import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../service/DbaasRouter';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from '../service/InstanceService';
import { auditedChange } from '../service/auditedChange';
import { actorOf } from '../service/actorOf';

export interface ReplicasRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
}

/** PUT /instances/{id}/replicas: 202 with a `replicas` operation; needs the update permission. */
export function registerReplicasRoutes(
  router: DbaasRouter,
  deps: ReplicasRouteDeps,
): void {
  router.put('/instances/:instanceId/replicas', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-replicas',
      { instanceId: instance.id, replicas: String(req.body?.replicas) },
      async () => {
        await deps.authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const accepted = await deps.service.setReplicas(
          instance,
          req.body,
          actorOf(credentials),
        );
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
  });
}
