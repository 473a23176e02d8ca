import express from 'express';
import { DbaasRouter } from './DbaasRouter';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  InstanceAdvisories,
  InstanceSecurity,
  advisoriesAffecting,
  dbaasInstanceReadPermission,
  severityRank,
  worstSeverity,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { VersionCatalog } from '../versions/VersionCatalog';
import { UpgradePlanner } from '../versions/upgradePlanner';
import { runningVersion } from '../versions/runningVersion';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { InstanceService } from './InstanceService';

export interface VersionRouteDeps {
  httpAuth: HttpAuthService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  instances: InstanceStore;
  catalog: VersionCatalog;
  planUpgrades: UpgradePlanner;
  drivers: DriverRegistry;
}

/**
 * GET /versions, /instances/{id}/advisories, /instances/{id}/upgrade-plan
 * and /security. All read-only: the catalog is public knowledge, the rest
 * needs read permission on the instance.
 */
export function registerVersionRoutes(
  router: DbaasRouter,
  deps: VersionRouteDeps,
): void {
  const callerOf = (req: express.Request) =>
    deps.httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function readable(req: express.Request) {
    const credentials = await callerOf(req);
    const instance = await deps.service.get(req.params.instanceId);
    await deps.authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    return instance;
  }

  router.get('/versions', async (req, res) => {
    await callerOf(req);
    const { engineChanges: _notes, ...snapshot } =
      await deps.catalog.snapshot();
    res.json(snapshot);
  });

  router.get('/instances/:instanceId/advisories', async (req, res) => {
    const instance = await readable(req);
    const version = await runningVersion(instance, deps.drivers);
    const advisories = await deps.catalog.advisoriesFor(
      instance.engine,
      version,
    );
    const worst = worstSeverity(advisories);
    const body: InstanceAdvisories = {
      instanceId: instance.id,
      engine: instance.engine,
      version,
      advisories,
      ...(worst ? { worstSeverity: worst } : {}),
    };
    res.json(body);
  });

  router.get('/instances/:instanceId/upgrade-plan', async (req, res) => {
    const instance = await readable(req);
    res.json(await deps.planUpgrades(instance));
  });

  router.get('/security', async (req, res) => {
    const credentials = await callerOf(req);
    const [all, snapshot] = await Promise.all([
      deps.instances.list({}),
      deps.catalog.snapshot(),
    ]);
    const visible = await deps.authorizer.filter(
      dbaasInstanceReadPermission,
      all,
      credentials,
    );
    const versions = await Promise.all(
      visible.map(instance => runningVersion(instance, deps.drivers)),
    );
    const items: InstanceSecurity[] = visible.flatMap((instance, i) => {
      const advisories = advisoriesAffecting(
        snapshot.advisories,
        instance.engine,
        versions[i],
      );
      const worst = worstSeverity(advisories);
      return worst
        ? [
            {
              instanceId: instance.id,
              name: instance.name,
              owner: instance.owner,
              engine: instance.engine,
              version: versions[i],
              advisories,
              worstSeverity: worst,
            },
          ]
        : [];
    });
    items.sort(
      (a, b) =>
        severityRank(b.worstSeverity!) - severityRank(a.worstSeverity!) ||
        b.advisories.length - a.advisories.length ||
        a.name.localeCompare(b.name),
    );
    res.json({ items });
  });
}
