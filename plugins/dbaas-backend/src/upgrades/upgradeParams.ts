import {
  Engine,
  UpgradeKind,
  UpgradeStrategy,
} from '@justmanage/plugin-dbaas-common';

/** The steps of every upgrade, in order. */
export const UPGRADE_STEPS = [
  'preflight',
  'snapshot',
  'switch',
  'wait-ready',
  'verify',
  'finalize',
];

/** The snapshot a downgrade restores, as the request chose it. */
export interface RestoredSnapshot {
  id: string;
  createdAt: string;
  engine: Engine;
  version: string;
  rdbVersion: number;
}

/** What an upgrade operation was asked to do; stored as its params. */
export interface UpgradeParams {
  from: { engine: Engine; version: string };
  to: { engine: Engine; version: string };
  kind: UpgradeKind;
  strategy: UpgradeStrategy;
  /** The RDB version the target writes and reads up to, when known. */
  targetRdbVersion?: number;
  /** Set for a downgrade through a snapshot: writes after it are lost. */
  restore?: RestoredSnapshot;
  /** Why it runs, e.g. the maintenance window that opened it. */
  reason?: string;
}

export function readUpgradeParams(
  params: Record<string, unknown>,
): UpgradeParams {
  const upgrade = params as unknown as UpgradeParams;
  if (!upgrade.from?.engine || !upgrade.to?.engine || !upgrade.strategy) {
    throw new Error('The upgrade operation has incomplete params');
  }
  return upgrade;
}

/** "redis 7.0.15+deb12u7" */
export function label(target: { engine: Engine; version: string }): string {
  return `${target.engine} ${target.version}`;
}

/** The steps as a dry run shows them and the operation then runs them. */
export function describeSteps(
  params: UpgradeParams,
  instanceName: string,
): Array<{ name: string; description: string }> {
  const from = label(params.from);
  const to = label(params.to);
  const rdb = params.targetRdbVersion
    ? ` (it reads RDB files up to version ${params.targetRdbVersion})`
    : '';
  const restore = params.restore;
  return [
    {
      name: 'preflight',
      description: restore
        ? `Check that the platform runs ${to} and that snapshot ${restore.id} (RDB version ${restore.rdbVersion}) is still there`
        : `Check that the platform runs ${to} and that it can load the data of ${instanceName}${rdb}`,
    },
    {
      name: 'snapshot',
      description: `Pause writes on ${from}, record the key count and a digest of sampled values, SAVE, and copy the RDB file into a snapshot to roll back to`,
    },
    {
      name: 'switch',
      description: restore
        ? `Stop ${from}, replace the data with snapshot ${
            restore.id
          } taken at ${restore.createdAt} on ${label(
            restore,
          )}, and start ${to} on the same port`
        : `Stop ${from} (it writes its data on the way down) and start ${to} on the same data and port`,
    },
    {
      name: 'wait-ready',
      description: `Wait until ${to} has loaded the data and answers PING; application users stay switched off until it is verified, so no write can be lost to a rollback`,
    },
    {
      name: 'verify',
      description: restore
        ? `Check that INFO reports ${params.to.engine} ${
            params.to.version.split('+')[0]
          } and that the key count and sampled values equal the snapshot's`
        : `Check that INFO reports ${params.to.engine} ${
            params.to.version.split('+')[0]
          } and that the key count and sampled values are identical to before`,
    },
    {
      name: 'finalize',
      description: `Switch the application users on again and record ${to} as the instance's version; on any failure before this, ${from} is started again on the snapshot`,
    },
  ];
}

/** Said plainly in the preview, the operation and the event of a snapshot restore. */
export function dataLossWarning(
  restore: RestoredSnapshot,
  instanceName: string,
): string {
  return `Restoring snapshot ${restore.id}, taken at ${
    restore.createdAt
  } on ${label(
    restore,
  )}, puts ${instanceName} back to its data of that moment: every write made after ${
    restore.createdAt
  } is lost.`;
}
