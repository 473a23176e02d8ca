import { DbaasRouter } from './DbaasRouter';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { UpgradeService } from '../upgrades/UpgradeService';
import { auditedChange } from './auditedChange';
import { InstanceService } from './InstanceService';
import { actorOf } from './actorOf';

export interface UpgradeRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  upgrades: UpgradeService;
}

/**
 * POST /instances/{id}/upgrade: a dry run answers 200 with the steps; a
 * real request 202 with the operation. Both need the update permission and
 * are audited, the dry run too, as it reveals snapshots of the instance.
 */
export function registerUpgradeRoutes(
  router: DbaasRouter,
  deps: UpgradeRouteDeps,
): void {
  router.post('/instances/:instanceId/upgrade', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-upgrade',
      {
        instanceId: instance.id,
        engine: String(req.body?.engine),
        version: String(req.body?.version),
        dryRun: Boolean(req.body?.dryRun),
      },
      async () => {
        await deps.authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const outcome = await deps.upgrades.request(
          instance,
          req.body,
          actorOf(credentials),
        );
        if (outcome.dryRun) {
          res.status(200).json(outcome.preview);
          return { dryRun: true };
        }
        res
          .status(202)
          .json({ instance: outcome.instance, operation: outcome.operation });
        return { operationId: outcome.operation.id };
      },
    );
  });
}
