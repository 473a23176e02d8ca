import express from 'express';
import { DbaasRouter } from './DbaasRouter';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  dbaasInstanceReadPermission,
  dbaasInstanceUpdatePermission,
} from '@justmanage/plugin-dbaas-common';
import { KeyScanService } from '../bigkeys/KeyScanService';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { auditedChange } from './auditedChange';
import { InstanceService } from './InstanceService';
import { actorOf } from './actorOf';

export interface BigKeysRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  keyScans: KeyScanService;
}

/**
 * Starting a key scan needs the update permission: it loads the instance.
 * Its report names keys, which are the instance's data, so reading it
 * needs the same read permission as the instance.
 */
export function registerBigKeysRoutes(
  router: DbaasRouter,
  deps: BigKeysRouteDeps,
) {
  const { httpAuth, auditor, authorizer, service, keyScans } = deps;
  const callerOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.post('/instances/:instanceId/key-scans', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await auditedChange(
      auditor,
      req,
      'key-scan-start',
      { instanceId: instance.id },
      async () => {
        await authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const operation = await keyScans.start(
          instance,
          req.body,
          actorOf(credentials),
        );
        res.status(202).json({ operation });
        return { operationId: operation.id };
      },
    );
  });

  router.get('/instances/:instanceId/key-scans/latest', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    const report = await keyScans.latest(instance.id);
    if (!report) {
      throw new NotFoundError(`Instance ${instance.name} has no key scan yet`);
    }
    res.json(report);
  });
}
