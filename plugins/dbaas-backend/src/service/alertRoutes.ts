import express from 'express';
import { DbaasRouter } from './DbaasRouter';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  AlertRulesPatch,
  AlertState,
  dbaasInstanceReadPermission,
  dbaasInstanceUpdatePermission,
  validateAlertRulesPatch,
} from '@justmanage/plugin-dbaas-common';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { Monitoring } from '../availability/createMonitoring';
import { auditedChange } from './auditedChange';
import { InstanceService } from './InstanceService';
import { actorOf } from './actorOf';

export interface AlertRouteDeps {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  monitoring: Monitoring;
}

const WEEK_MS = 7 * 86_400_000;

function stateOf(req: express.Request): AlertState | undefined {
  const state = req.query.state;
  return state === 'firing' || state === 'resolved' ? state : undefined;
}

/** Resolved alerts are listed for a week, as long as incidents are. */
const resolvedSince = () => new Date(Date.now() - WEEK_MS).toISOString();

/**
 * Alert rules per instance (read; update to change, audited) and alerts,
 * firing and of the last week, of one instance or of every instance the
 * caller may read.
 */
export function registerAlertRoutes(
  router: DbaasRouter,
  deps: AlertRouteDeps,
): void {
  const { monitoring, authorizer } = deps;
  const callerOf = (req: express.Request) =>
    deps.httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function readable(req: express.Request) {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    return instance;
  }

  router.get('/instances/:instanceId/alert-rules', async (req, res) => {
    const instance = await readable(req);
    res.json(await monitoring.alertRules.get(instance.id));
  });

  router.put('/instances/:instanceId/alert-rules', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await auditedChange(
      deps.auditor,
      req,
      'instance-alert-rules-update',
      { instanceId: instance.id },
      async () => {
        await authorizer.require(
          dbaasInstanceUpdatePermission,
          instance,
          credentials,
        );
        const problems = validateAlertRulesPatch(req.body);
        if (problems.length) {
          throw new InputError(
            problems.map(p => `${p.field} ${p.message}`).join('; '),
          );
        }
        const settings = await monitoring.alertRules.replace(
          instance.id,
          req.body as AlertRulesPatch,
          actorOf(credentials),
        );
        res.json(settings);
        return { overrides: JSON.stringify(settings.overrides) };
      },
    );
  });

  router.get('/instances/:instanceId/alerts', async (req, res) => {
    const instance = await readable(req);
    const items = await monitoring.alerts.list({
      instanceIds: [instance.id],
      state: stateOf(req),
      resolvedSince: resolvedSince(),
      limit: 200,
    });
    res.json({ items });
  });

  router.get('/alerts', async (req, res) => {
    const credentials = await callerOf(req);
    const alerts = await monitoring.alerts.list({
      state: stateOf(req),
      resolvedSince: resolvedSince(),
      limit: 2000,
    });
    // Each alert carries its instance's id, name and owner: what the
    // permission rules judge, so no instance needs to be read.
    const visible = await authorizer.filter(
      dbaasInstanceReadPermission,
      alerts.map(alert => ({
        alert,
        id: alert.instanceId,
        name: alert.instanceName,
        owner: alert.owner,
      })),
      credentials,
    );
    res.json({ items: visible.map(v => v.alert) });
  });
}
