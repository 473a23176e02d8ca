import { InputError, NotFoundError } from '@backstage/errors';
import {
  DriverContext,
  DriverInstanceSpec,
  DriverRestoreSource,
  DriverSnapshot,
  DriverSnapshotRequest,
  DriverSnapshots,
} from '@justmanage/plugin-dbaas-node';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NodeAddress } from './addressing';
import {
  pathExists,
  readFileIfExists,
  readJsonIfExists,
  writeFileAtomic,
} from './fsUtils';
import { InstanceFiles } from './instanceFiles';
import { stopInstance } from './instanceProcess';
import { InstanceRuntime } from './instanceState';
import { isPortBindable } from './portAllocator';

/** The server's file names: redis.conf leaves dbfilename and appendfilename at their defaults. */
export const RDB_FILE = 'dump.rdb';
const AOF_FILE = 'appendonly.aof';
const AOF_DIR = 'appendonlydir';
const SNAPSHOTS_FOLDER = 'snapshots';
const RESTORE_FOLDER = 'restore';
const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const PORT_RELEASE_MS = 15_000;

/** One process of an instance, as snapshots stop and refill them. */
export interface SnapshotNode {
  /** As in ObservedNode.id; absent for the first node before it ran. */
  id?: string;
  role: 'primary' | 'replica' | 'sentinel';
  files: InstanceFiles;
  runtime?: InstanceRuntime;
}

/** What the snapshots need of the driver that owns the instance folders. */
export interface LocalSnapshotHost {
  files(instanceId: string): InstanceFiles;
  /**
   * The instance's processes: the data node that is the primary first,
   * then the replicas and the Sentinels of a replicated instance.
   */
  nodes(instanceId: string): Promise<SnapshotNode[]>;
  /** Where a node listens, to tell when a stopped one let go of its port. */
  addressOf(runtime: InstanceRuntime): NodeAddress;
  /** Runs `task` while no other change to the instance runs in this backend. */
  exclusive<T>(instanceId: string, task: () => Promise<T>): Promise<T>;
  /** Writes the instance's files for `spec` and starts it. */
  converge(spec: DriverInstanceSpec, ctx: DriverContext): Promise<void>;
  /** How many snapshots to keep per instance, besides the newest of each version. */
  keep: number;
}

/**
 * Snapshots of the local driver: `<instance>/snapshots/<id>/dump.rdb` with a
 * snapshot.json beside it. They go when the instance is deleted. A restore
 * from a stream first lands in `<instance>/restore/incoming.rdb`.
 */
export class LocalSnapshots implements DriverSnapshots {
  readonly #host: LocalSnapshotHost;

  constructor(host: LocalSnapshotHost) {
    this.#host = host;
  }

  #folder(instanceId: string, snapshotId?: string): string {
    const base = join(this.#host.files(instanceId).folder, SNAPSHOTS_FOLDER);
    if (snapshotId === undefined) return base;
    if (!SNAPSHOT_ID.test(snapshotId) || snapshotId.includes('..')) {
      throw new InputError(`Invalid snapshot id "${snapshotId}"`);
    }
    return join(base, snapshotId);
  }

  async take(
    instanceId: string,
    request: DriverSnapshotRequest,
    ctx: DriverContext,
  ): Promise<DriverSnapshot> {
    // The control plane has just saved on this node.
    const node = (await this.#host.nodes(instanceId)).find(
      n => n.id === request.nodeId && n.role !== 'sentinel',
    );
    if (!node) {
      throw new NotFoundError(
        `Instance ${instanceId} has no data node ${request.nodeId}`,
      );
    }
    const { files } = node;
    const folder = this.#folder(instanceId, request.id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const target = join(folder, RDB_FILE);
    // Redis renames a finished save into place, so the copy is of one
    // complete file; the rename keeps a half-copied one from being used.
    await copyFile(join(files.dataFolder, RDB_FILE), `${target}.tmp`);
    await rename(`${target}.tmp`, target);
    const snapshot: DriverSnapshot = {
      id: request.id,
      instanceId,
      createdAt: new Date().toISOString(),
      engine: request.engine,
      version: request.version,
      sizeBytes: (await stat(target)).size,
      meta: request.meta,
    };
    writeFileAtomic(
      join(folder, 'snapshot.json'),
      `${JSON.stringify(snapshot)}\n`,
    );
    await this.#prune(instanceId, ctx);
    return snapshot;
  }

  async list(instanceId: string): Promise<DriverSnapshot[]> {
    let ids: string[];
    try {
      ids = await readdir(this.#folder(instanceId));
    } catch {
      return [];
    }
    const snapshots = ids
      .filter(id => SNAPSHOT_ID.test(id))
      .map(id =>
        readJsonIfExists<DriverSnapshot>(
          join(this.#folder(instanceId, id), 'snapshot.json'),
        ),
      )
      .filter((s): s is DriverSnapshot => s !== undefined);
    return snapshots.sort(
      (a, b) =>
        b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
  }

  async read(instanceId: string, snapshotId: string): Promise<Readable> {
    const file = await this.#rdbOf(instanceId, snapshotId);
    return createReadStream(file);
  }

  async delete(instanceId: string, snapshotId: string): Promise<void> {
    await rm(this.#folder(instanceId, snapshotId), {
      recursive: true,
      force: true,
    });
  }

  async #rdbOf(instanceId: string, snapshotId: string): Promise<string> {
    const file = join(this.#folder(instanceId, snapshotId), RDB_FILE);
    await stat(file).catch(() => {
      throw new NotFoundError(
        `Instance ${instanceId} has no snapshot ${snapshotId}`,
      );
    });
    return file;
  }

  /** The RDB to load: a snapshot's own file, or a stream written to disk first. */
  async #sourceFile(
    instanceId: string,
    source: DriverRestoreSource,
  ): Promise<{ file: string; label: string }> {
    if ('snapshotId' in source) {
      return {
        file: await this.#rdbOf(instanceId, source.snapshotId),
        label: `snapshot ${source.snapshotId}`,
      };
    }
    const folder = join(this.#host.files(instanceId).folder, RESTORE_FOLDER);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const file = join(folder, 'incoming.rdb');
    await pipeline(
      await source.rdb(),
      createWriteStream(`${file}.tmp`, { mode: 0o600 }),
    );
    await rename(`${file}.tmp`, file);
    return { file, label: 'the given data' };
  }

  async restore(
    spec: DriverInstanceSpec,
    restoreSource: DriverRestoreSource,
    ctx: DriverContext,
  ): Promise<void> {
    const { instanceId } = spec;
    const { file: source, label } = await this.#sourceFile(
      instanceId,
      restoreSource,
    );
    await this.#host.exclusive(instanceId, async () => {
      const files = this.#host.files(instanceId);
      // Without spec.json neither supervisor revives the old server while
      // its files are being replaced; converge writes it again, and a
      // failure before that puts the old one back.
      const previousSpec = readFileIfExists(files.spec);
      await rm(files.spec, { force: true });
      try {
        await this.#replaceData(spec, source, label, ctx);
      } catch (error) {
        if (previousSpec !== undefined && !pathExists(files.spec)) {
          writeFileAtomic(files.spec, previousSpec);
        }
        throw error;
      }
    });
  }

  async #replaceData(
    spec: DriverInstanceSpec,
    source: string,
    label: string,
    ctx: DriverContext,
  ): Promise<void> {
    const { instanceId } = spec;
    const nodes = await this.#host.nodes(instanceId);
    // Sentinels first, then the replicas: none of them may take over from
    // the primary while it is down. Replicas start empty and copy the
    // restored data from the primary.
    for (const node of [...nodes].reverse()) {
      if (!node.runtime) continue;
      await stopInstance(node.files, node.runtime);
      await this.#portReleased(this.#host.addressOf(node.runtime), instanceId);
    }
    for (const node of nodes.filter(n => n.role !== 'sentinel')) {
      for (const name of [RDB_FILE, AOF_FILE, AOF_DIR]) {
        await rm(join(node.files.dataFolder, name), {
          recursive: true,
          force: true,
        });
      }
    }
    const data = nodes[0].files.dataFolder;
    await mkdir(data, { recursive: true, mode: 0o700 });
    await copyFile(source, join(data, RDB_FILE));
    if (spec.persistence === 'aof') {
      // An AOF may start with an RDB preamble, so the snapshot is a
      // complete AOF for every version; 7.0 and later turn it into the
      // base of their multi-part AOF on the first start.
      await copyFile(source, join(data, AOF_FILE));
    }
    ctx.logger.info(
      `Local driver restored ${label} into instance ${instanceId}`,
    );
    await this.#host.converge(spec, ctx);
    await rm(join(this.#host.files(instanceId).folder, RESTORE_FOLDER), {
      recursive: true,
      force: true,
    });
  }

  async #portReleased(
    { bind, port }: NodeAddress,
    instanceId: string,
  ): Promise<void> {
    const deadline = Date.now() + PORT_RELEASE_MS;
    while (!(await isPortBindable(bind, port))) {
      if (Date.now() > deadline) {
        throw new Error(
          `Instance ${instanceId} did not release port ${port} after stopping`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }

  /** Keeps the newest `keep`, and the newest of every engine version for downgrades. */
  async #prune(instanceId: string, ctx: DriverContext): Promise<void> {
    const all = await this.list(instanceId);
    const versions = new Set<string>();
    for (const [index, snapshot] of all.entries()) {
      const version = `${snapshot.engine} ${snapshot.version}`;
      const newestOfVersion = !versions.has(version);
      versions.add(version);
      if (index < this.#host.keep || newestOfVersion) continue;
      await rm(this.#folder(instanceId, snapshot.id), {
        recursive: true,
        force: true,
      });
      ctx.logger.info(
        `Local driver removed snapshot ${snapshot.id} of instance ${instanceId}`,
      );
    }
  }
}
