import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  dbaasInstanceReadPermission,
  dbaasInstanceUpdatePermission,
} from '@justmanage/plugin-dbaas-common';
import { DbaasRouter } from '../service/DbaasRouter';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from '../service/InstanceService';
import { auditedChange } from '../service/auditedChange';
import { actorOf } from '../service/actorOf';
import { OperationQueue } from '../operations/OperationQueue';
import { InstanceTls } from './InstanceTls';
import { requestCertificateRotation } from './requestCertificateRotation';

export interface TlsRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  tls: { service: InstanceTls; queue: OperationQueue };
}

/**
 * GET /instances/{id}/tls (read permission: the CA certificate is public)
 * and POST /instances/{id}/tls/rotate (update permission, audited).
 */
export function registerTlsRoutes(
  router: DbaasRouter,
  deps: TlsRouteDeps,
): void {
  router.get('/instances/:instanceId/tls', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await deps.service.get(req.params.instanceId);
    await deps.authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    res.json(await deps.tls.service.describe(instance));
  });

  router.post('/instances/:instanceId/tls/rotate', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-certificates-rotate',
      { instanceId: instance.id },
      async () => {
        await deps.authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const accepted = await requestCertificateRotation(
          { tls: deps.tls.service, queue: deps.tls.queue },
          instance,
          actorOf(credentials),
          'Rotation requested',
        );
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
  });
}
