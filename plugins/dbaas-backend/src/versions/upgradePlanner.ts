import { Instance, UpgradePlan } from '@justmanage/plugin-dbaas-common';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { planUpgrades } from './planUpgrades';
import { runningVersion } from './runningVersion';
import { VersionCatalog } from './VersionCatalog';

/** The upgrade plan of an instance as it stands now. @public */
export type UpgradePlanner = (instance: Instance) => Promise<UpgradePlan>;

/** Replicas of the instance: the field replication adds, else its replica endpoints. */
function replicasOf(instance: Instance): number {
  const declared = (instance as Instance & { replicas?: number }).replicas;
  return (
    declared ?? instance.endpoints.filter(e => e.role === 'replica').length
  );
}

/**
 * Binds {@link planUpgrades} to the live catalog and the instance's driver:
 * what the platform runs is what the driver detected, never assumed.
 */
export function createUpgradePlanner(deps: {
  catalog: VersionCatalog;
  drivers: DriverRegistry;
}): UpgradePlanner {
  return async instance => {
    const [catalog, capabilities, version] = await Promise.all([
      deps.catalog.snapshot(),
      deps.drivers.get(instance.platform).capabilities(),
      runningVersion(instance, deps.drivers),
    ]);
    return planUpgrades(
      { ...instance, version },
      {
        catalog,
        platform: {
          title: capabilities.title,
          engines: capabilities.engines,
          rollingChanges: capabilities.ha.rollingChanges,
        },
        replicas: replicasOf(instance),
        ...(instance.health?.usedMemoryBytes !== undefined
          ? { dataBytes: instance.health.usedMemoryBytes }
          : {}),
      },
    );
  };
}
