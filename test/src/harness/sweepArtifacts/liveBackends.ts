import { join } from 'node:path';
import { harvestFolder } from './harvestFolder';
import { harvestDatabase } from './storedSecrets';
import { sweepDir } from './sweepDir';

/** Where one backend keeps the secrets the harness reads back. */
export interface HarvestTarget {
  /** The local driver's data folder. */
  dataDir?: string;
  /** The dbaas plugin's database. */
  database?: { sqliteFile: string } | { postgresUrl: string };
  /** dbaas.encryptionKey of the backend. */
  encryptionKey: string;
}

type JsonObject = { [key: string]: any };

/** The target of a backend started with `config` (see backendConfig). */
export function harvestTargetOf(
  config: JsonObject,
  encryptionKey: string,
): HarvestTarget {
  const database = config.backend?.database;
  const dataDir = config.dbaas?.drivers?.local?.dataDir;
  let target: HarvestTarget['database'];
  if (database?.connection?.directory) {
    target = {
      sqliteFile: join(database.connection.directory, 'dbaas.sqlite'),
    };
  } else if (
    database?.client === 'pg' &&
    typeof database.connection === 'string'
  ) {
    const url = new URL(database.connection);
    url.pathname = `/${database.prefix ?? 'backstage_plugin_'}dbaas`;
    target = { postgresUrl: url.toString() };
  }
  return { dataDir, database: target, encryptionKey };
}

/**
 * Reads back what a backend holds now: PEM keys and passwords in its
 * instances' folders, and the secrets its database keeps encrypted.
 */
export async function harvest(target: HarvestTarget): Promise<void> {
  if (!sweepDir()) return;
  if (target.dataDir) await harvestFolder(target.dataDir);
  if (target.database) {
    await harvestDatabase(target.database, target.encryptionKey);
  }
}

const live = new Set<HarvestTarget>();
let running: Promise<void> | undefined;
let queued: Promise<void> | undefined;

/** Makes the backend's secrets part of {@link harvestLiveBackends}; returns the undo. */
export function watchBackend(target: HarvestTarget): () => void {
  live.add(target);
  return () => live.delete(target);
}

/**
 * Harvests every backend of this process that runs. Called when an
 * operation finishes, i.e. whenever instances, users or certificates may
 * have changed: a secret of an instance deleted later is still seen.
 * Calls while a pass runs share one more pass after it.
 */
export function harvestLiveBackends(): Promise<void> {
  if (!sweepDir() || live.size === 0) return Promise.resolve();
  if (queued) return queued;
  if (!running) {
    running = (async () => {
      for (const target of [...live]) await harvest(target);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }
  queued = running.then(() => {
    queued = undefined;
    return harvestLiveBackends();
  });
  return queued;
}
