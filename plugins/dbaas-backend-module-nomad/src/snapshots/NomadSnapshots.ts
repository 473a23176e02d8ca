import {
  DriverContext,
  DriverInstanceSpec,
  DriverRestoreSource,
  DriverSnapshot,
  DriverSnapshotRequest,
  DriverSnapshots,
  DriverConnector,
  NodeTarget,
  PlatformRejectedError,
} from '@justmanage/plugin-dbaas-node';
import { FeederAddress } from './rdbFeeder';
import { loadRdb } from './loadRdb';
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

/** What a restore needs of the driver. */
export interface RestoreHost {
  /** Where nodes reach the backend to load an RDB from; without it restores are refused. */
  feeder?: FeederAddress;
  /** Brings the instance to the spec and returns its primary once it serves. */
  converge(spec: DriverInstanceSpec, ctx: DriverContext): Promise<NodeTarget>;
  connector: DriverConnector;
  timeoutMs: number;
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

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
  readonly #restore: RestoreHost;

  constructor(options: {
    dir: string;
    readAllocFile: AllocFileReader;
    restore: RestoreHost;
  }) {
    this.#dir = options.dir;
    this.#readAllocFile = options.readAllocFile;
    this.#restore = options.restore;
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
    source: DriverRestoreSource,
    ctx: DriverContext,
  ): Promise<void> {
    const { feeder } = this.#restore;
    if (!feeder) {
      throw new PlatformRejectedError(
        'dbaas.drivers.nomad.snapshots.restoreFrom is not configured: nodes have no address to load a restored RDB from',
      );
    }
    const rdb =
      'snapshotId' in source
        ? await readFile(this.#files(spec.instanceId, source.snapshotId).rdb)
        : await drain(await source.rdb());
    const primary = await this.#restore.converge(spec, ctx);
    await loadRdb({
      target: primary,
      admin: {
        username: spec.admin.username,
        password: await spec.admin.password.reveal(),
      },
      connector: this.#restore.connector,
      rdb,
      feeder,
      persistence: spec.persistence,
      timeoutMs: this.#restore.timeoutMs,
      signal: ctx.signal,
    });
    ctx.logger.info(
      `Loaded ${rdb.length} bytes of RDB into ${primary.nodeId}; its replicas copy it from there`,
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
