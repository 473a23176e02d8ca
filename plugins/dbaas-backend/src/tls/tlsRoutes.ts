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
import { requestTlsModeChange } from './requestTlsModeChange';
import { InstanceStore } from '../database/InstanceStore';
import { DriverRegistry } from '../drivers/DriverRegistry';

export interface TlsRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  tls: { service: InstanceTls; queue: OperationQueue };
  instances: InstanceStore;
  drivers: DriverRegistry;
}

/**
 * GET /instances/{id}/tls (read permission: the CA certificate is public)
 * and POST /instances/{id}/tls/rotate and PUT /instances/{id}/tls (update
 * permission, audited).
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

  router.put('/instances/:instanceId/tls', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-tls-mode',
      { instanceId: instance.id, mode: req.body?.mode },
      async () => {
        await deps.authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const accepted = await requestTlsModeChange(
          {
            instances: deps.instances,
            drivers: deps.drivers,
            queue: deps.tls.queue,
            tls: deps.tls.service,
          },
          instance,
          req.body,
          actorOf(credentials),
        );
        res.status(202).json(accepted);
        return { operationId: accepted.operation.id };
      },
    );
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
