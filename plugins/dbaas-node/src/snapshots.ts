import type { Readable } from 'node:stream';
import type { Engine } from '@justmanage/plugin-dbaas-common';
import type { DriverContext } from './context';
import type { DriverInstanceSpec } from './spec';

/**
 * A copy of an instance's dataset (an RDB) that the platform keeps, by id.
 * Where it lives is the platform's choice: a folder beside the data, a
 * volume snapshot, object storage. The control plane reads it back only
 * as a stream, so it can check it, move it and load it anywhere.
 * @public
 */
export interface DriverSnapshot {
  id: string;
  instanceId: string;
  createdAt: string;
  /** The engine and version that wrote the data, as the control plane said. */
  engine: Engine;
  version: string;
  sizeBytes: number;
  /**
   * What the control plane recorded with it (engine, version, key counts,
   * value digests); the driver keeps it as it was given.
   */
  meta: Record<string, unknown>;
}

/** What the control plane asks to keep. @public */
export interface DriverSnapshotRequest {
  /** The new snapshot's id; taking it again replaces it. */
  id: string;
  /** The data node whose saved dataset to copy: the control plane has just run SAVE on it. */
  nodeId: string;
  engine: Engine;
  version: string;
  meta: Record<string, unknown>;
}

/**
 * Where a restore gets its data: a snapshot this platform keeps, or any
 * RDB stream (a backup, a snapshot of another platform).
 * @public
 */
export type DriverRestoreSource =
  | { snapshotId: string }
  | { rdb: () => Promise<Readable> };

/**
 * Optional part of a driver: keeping and restoring copies of instance data.
 * Platforms without it cannot run upgrades, which need a way back.
 * @public
 */
export interface DriverSnapshots {
  /** Copies what `request.nodeId` saved last into snapshot `request.id`. */
  take(
    instanceId: string,
    request: DriverSnapshotRequest,
    ctx: DriverContext,
  ): Promise<DriverSnapshot>;

  /** Newest first. */
  list(instanceId: string): Promise<DriverSnapshot[]>;

  /** The snapshot's RDB bytes, from the first. */
  read(instanceId: string, snapshotId: string): Promise<Readable>;

  /**
   * Stops what runs, replaces the instance's data with `source` and starts
   * the instance as `spec` says (which may name another version). Returns
   * once the platform has accepted it, like `update`. An instance without
   * persistence must not come back with this data after a later restart:
   * the driver drops what it loaded from once the node serves.
   */
  restore(
    spec: DriverInstanceSpec,
    source: DriverRestoreSource,
    ctx: DriverContext,
  ): Promise<void>;

  /** Removes a snapshot; one that is already gone is success. */
  delete(instanceId: string, snapshotId: string): Promise<void>;
}
