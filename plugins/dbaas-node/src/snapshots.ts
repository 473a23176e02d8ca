import { Engine } from '@justmanage/plugin-dbaas-common';
import type { DriverContext, DriverInstanceSpec } from './driver';

/**
 * A copy of an instance's dataset kept by the platform, taken from the RDB
 * file the server has just saved. Upgrades take one before they change the
 * binary and restore it to roll back or to downgrade. @public
 */
export interface DriverSnapshot {
  id: string;
  instanceId: string;
  createdAt: string;
  /** The engine and version that wrote the file. */
  engine: Engine;
  version: string;
  /** The RDB format version in the file's header; a server loads files up to its own. */
  rdbVersion: number;
  sizeBytes: number;
  /** What the control plane recorded with it, e.g. key counts and value digests. */
  meta: Record<string, unknown>;
}

/** What the control plane hands over to record a snapshot. @public */
export interface DriverSnapshotRequest {
  id: string;
  engine: Engine;
  version: string;
  meta: Record<string, unknown>;
}

/**
 * Optional part of a driver: keeping and restoring copies of instance data.
 * Platforms without it cannot run upgrades, which need a way back.
 * @public
 */
export interface DriverSnapshots {
  /**
   * Copies the RDB file the server saved last (the caller has just run
   * SAVE) into snapshot `request.id`, replacing a snapshot of that id.
   */
  take(
    instanceId: string,
    request: DriverSnapshotRequest,
    ctx: DriverContext,
  ): Promise<DriverSnapshot>;

  /** Newest first. */
  list(instanceId: string): Promise<DriverSnapshot[]>;

  /**
   * Stops what runs, replaces the instance's data with the snapshot and
   * starts the instance as `spec` says (which may name another version).
   * Returns once the platform has accepted it, like `update`.
   */
  restore(
    spec: DriverInstanceSpec,
    snapshotId: string,
    ctx: DriverContext,
  ): Promise<void>;

  /**
   * Removes the RDB file an instance without persistence was restarted
   * from, so that a later restart starts empty as before.
   */
  discardSavedData(instanceId: string, ctx: DriverContext): Promise<void>;
}
