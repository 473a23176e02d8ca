import express from 'express';
import { DbaasRouter } from './DbaasRouter';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  dbaasInstanceReadPermission,
  dbaasInstanceUpdatePermission,
} from '@justmanage/plugin-dbaas-common';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { UpgradePolicyService } from '../maintenance/UpgradePolicyService';
import { auditedChange } from './auditedChange';
import { InstanceService } from './InstanceService';
import { actorOf } from './actorOf';

export interface MaintenanceRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  upgradePolicies: UpgradePolicyService;
}

/**
 * The upgrade policy of an instance: read it (read permission), change it,
 * snooze the next window, apply the pending patch now (update permission,
 * audited), and the log of what the maintenance job decided.
 */
export function registerMaintenanceRoutes(
  router: DbaasRouter,
  deps: MaintenanceRouteDeps,
): void {
  const { httpAuth, auditor, authorizer, service, upgradePolicies } = deps;
  const callerOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function readable(req: express.Request) {
    const credentials = await callerOf(req);
    const instance = await service.get(req.params.instanceId);
    await authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    return instance;
  }

  /** Runs a change as an audited request that needs the update permission. */
  function change(
    eventId: string,
    handle: (
      req: express.Request,
      res: express.Response,
      instance: Awaited<ReturnType<InstanceService['get']>>,
      actor: string,
    ) => Promise<Record<string, string>>,
  ): express.RequestHandler {
    return async (req, res) => {
      const credentials = await callerOf(req);
      const instance = await service.get(req.params.instanceId);
      await auditedChange(
        auditor,
        req,
        eventId,
        { instanceId: instance.id },
        async () => {
          await authorizer.require(
            dbaasInstanceUpdatePermission,
            instance,
            credentials,
          );
          return handle(req, res, instance, actorOf(credentials));
        },
      );
    };
  }

  router.get('/instances/:instanceId/upgrade-policy', async (req, res) => {
    res.json(await upgradePolicies.get(await readable(req)));
  });

  router.put(
    '/instances/:instanceId/upgrade-policy',
    change(
      'instance-upgrade-policy-update',
      async (req, res, instance, actor) => {
        const policy = await upgradePolicies.put(instance, req.body, actor);
        res.json(policy);
        return { mode: policy.mode };
      },
    ),
  );

  router.post(
    '/instances/:instanceId/upgrade-policy/snooze',
    change(
      'instance-upgrade-policy-snooze',
      async (req, res, instance, actor) => {
        const policy = await upgradePolicies.snooze(instance, req.body, actor);
        res.json(policy);
        return { snoozedUntil: policy.snoozedUntil ?? 'none' };
      },
    ),
  );

  router.post(
    '/instances/:instanceId/upgrade-policy/apply-now',
    change('instance-upgrade-apply-now', async (_req, res, instance, actor) => {
      const started = await upgradePolicies.applyNow(instance, actor);
      res.status(202).json(started);
      return { operationId: started.operation.id };
    }),
  );

  router.get(
    '/instances/:instanceId/upgrade-policy/decisions',
    async (req, res) => {
      const instance = await readable(req);
      res.json({ items: await upgradePolicies.decisions(instance) });
    },
  );
}
