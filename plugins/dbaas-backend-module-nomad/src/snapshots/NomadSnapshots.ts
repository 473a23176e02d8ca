import {
  DriverContext,
  DriverInstanceSpec,
  DriverRestoreSource,
  DriverSnapshot,
  DriverSnapshotRequest,
  DriverSnapshots,
  PlatformRejectedError,
} from '@justmanage/plugin-dbaas-node';
import { InputError } from '@backstage/errors';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { checkInstanceId } from '../names';

/** Where a node's saved dataset is in its allocation: the task's `dir`. */
const RDB_PATH = 'alloc/data/dump.rdb';
const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Reads a file of the allocation a data node runs in now. */
export type AllocFileReader = (
  instanceId: string,
  nodeId: string,
  path: string,
  signal: AbortSignal,
) => Promise<Buffer>;

/**
 * Snapshots of Nomad instances: the RDB a node saved last, copied out of
 * its allocation directory through Nomad's file system API (the backend
 * needs no route to the client), kept in a folder of the control plane
 * beside a JSON file with what the control plane recorded.
 */
export class NomadSnapshots implements DriverSnapshots {
  readonly #dir: string;
  readonly #readAllocFile: AllocFileReader;

  constructor(dir: string, readAllocFile: AllocFileReader) {
    this.#dir = dir;
    this.#readAllocFile = readAllocFile;
  }

  async take(
    instanceId: string,
    request: DriverSnapshotRequest,
    ctx: DriverContext,
  ): Promise<DriverSnapshot> {
    const files = this.#files(instanceId, request.id);
    const rdb = await this.#readAllocFile(
      instanceId,
      request.nodeId,
      RDB_PATH,
      ctx.signal,
    );
    const snapshot: DriverSnapshot = {
      id: request.id,
      instanceId,
      createdAt: new Date().toISOString(),
      engine: request.engine,
      version: request.version,
      sizeBytes: rdb.length,
      meta: request.meta,
    };
    await mkdir(files.folder, { recursive: true });
    await writeAtomic(files.rdb, rdb);
    await writeAtomic(files.meta, JSON.stringify(snapshot));
    ctx.logger.info(
      `Copied ${rdb.length} bytes of ${request.nodeId}'s ${RDB_PATH} into snapshot ${request.id}`,
    );
    return snapshot;
  }

  async list(instanceId: string): Promise<DriverSnapshot[]> {
    const folder = this.#files(instanceId, 'x').folder;
    const names = await readdir(folder).catch(() => [] as string[]);
    const found: DriverSnapshot[] = [];
    for (const name of names.filter(n => n.endsWith('.json'))) {
      found.push(JSON.parse(await readFile(join(folder, name), 'utf8')));
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async read(instanceId: string, snapshotId: string): Promise<Readable> {
    const { rdb, meta } = this.#files(instanceId, snapshotId);
    await readFile(meta).catch(() => {
      throw new InputError(
        `Instance ${instanceId} has no snapshot ${snapshotId}`,
      );
    });
    return createReadStream(rdb);
  }

  async restore(
    spec: DriverInstanceSpec,
    _source: DriverRestoreSource,
    _ctx: DriverContext,
  ): Promise<void> {
    // Nomad has no API to write into an allocation; loading an RDB needs
    // an artifact the clients can fetch, which is not built yet.
    throw new PlatformRejectedError(
      `Restoring ${spec.instanceId} on Nomad is not built yet: snapshots can be taken and read, not loaded`,
    );
  }

  async delete(instanceId: string, snapshotId: string): Promise<void> {
    const { rdb, meta } = this.#files(instanceId, snapshotId);
    await rm(meta, { force: true });
    await rm(rdb, { force: true });
  }

  #files(instanceId: string, snapshotId: string) {
    checkInstanceId(instanceId);
    if (!SNAPSHOT_ID.test(snapshotId)) {
      throw new InputError(`Invalid snapshot id "${snapshotId}"`);
    }
    const folder = join(this.#dir, instanceId);
    return {
      folder,
      rdb: join(folder, `${snapshotId}.rdb`),
      meta: join(folder, `${snapshotId}.json`),
    };
  }
}

async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, data, { mode: 0o600 });
  await rename(partial, path);
}
