import { DriverSnapshot, DriverSnapshots } from '@justmanage/plugin-dbaas-node';
import { readRdbVersionOf } from '../redis/rdbHeader';

/** A snapshot with the RDB format version its data is in. */
export interface SnapshotCopy extends DriverSnapshot {
  rdbVersion: number;
}

/**
 * RDB versions read so far. A snapshot never changes once taken (taking
 * one again gives it a new creation time), so a version read once holds.
 */
const rdbVersions = new Map<string, number>();

/**
 * Adds the RDB version, read from the first bytes of the copy as the
 * platform hands it back: which server can load it decides downgrades.
 */
export async function describeSnapshot(
  snapshots: DriverSnapshots,
  snapshot: DriverSnapshot,
): Promise<SnapshotCopy> {
  const key = `${snapshot.instanceId}/${snapshot.id}/${snapshot.createdAt}`;
  let rdbVersion = rdbVersions.get(key);
  if (rdbVersion === undefined) {
    rdbVersion = await readRdbVersionOf(
      await snapshots.read(snapshot.instanceId, snapshot.id),
      `Snapshot ${snapshot.id}`,
    );
    rdbVersions.set(key, rdbVersion);
  }
  return { ...snapshot, rdbVersion };
}

/** Every snapshot of an instance, newest first, with its RDB version. */
export async function describeSnapshots(
  snapshots: DriverSnapshots,
  instanceId: string,
): Promise<SnapshotCopy[]> {
  const all = await snapshots.list(instanceId);
  return Promise.all(all.map(s => describeSnapshot(snapshots, s)));
}
