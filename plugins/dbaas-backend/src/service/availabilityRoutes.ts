import express from 'express';
import { DbaasRouter } from './DbaasRouter';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { dbaasInstanceReadPermission } from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { Monitoring } from '../availability/createMonitoring';
import { InstanceService } from './InstanceService';

export interface AvailabilityRouteDeps {
  httpAuth: HttpAuthService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  instances: InstanceStore;
  monitoring: Monitoring;
}

/**
 * GET /instances/{id}/availability: up or down, uptime over 24 h and 7 d,
 * and incidents. GET /status: the same figures for every instance the
 * caller may read, for the fleet status page.
 */
export function registerAvailabilityRoutes(
  router: DbaasRouter,
  deps: AvailabilityRouteDeps,
): void {
  const callerOf = (req: express.Request) =>
    deps.httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/instances/:instanceId/availability', async (req, res) => {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await deps.authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    res.json(await deps.monitoring.availability.forInstance(instance.id));
  });

  router.get('/status', async (req, res) => {
    const credentials = await callerOf(req);
    const visible = await deps.authorizer.filter(
      dbaasInstanceReadPermission,
      await deps.instances.list(),
      credentials,
    );
    res.json({
      items: await deps.monitoring.availability.summaries(visible),
    });
  });
}
