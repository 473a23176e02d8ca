import { Instance, UpgradePlan } from '@justmanage/plugin-dbaas-common';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { planUpgrades } from './planUpgrades';
import { runningVersion } from './runningVersion';
import { VersionCatalog } from './VersionCatalog';
import { describeSnapshots } from '../upgrades/snapshotCopies';

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
    const driver = deps.drivers.get(instance.platform);
    const [catalog, capabilities, version, snapshots] = await Promise.all([
      deps.catalog.snapshot(),
      driver.capabilities(),
      runningVersion(instance, deps.drivers),
      driver.snapshots
        ? describeSnapshots(driver.snapshots, instance.id)
        : Promise.resolve(undefined),
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
        ...(snapshots ? { snapshots } : {}),
        ...(instance.health?.usedMemoryBytes !== undefined
          ? { dataBytes: instance.health.usedMemoryBytes }
          : {}),
      },
    );
  };
}
