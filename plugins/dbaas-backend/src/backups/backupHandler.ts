import { OperationHandler, StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { ADMIN_USERNAME } from '../operations/aclUsers';
import { OperationControlStore } from '../database/OperationControlStore';
import { parseRdbHeader } from '../redis/rdbHeader';
import { BackupArchive } from './BackupArchive';
import { BackupCatalog } from './BackupCatalog';
import { BackupContents, digestOf } from './backupContents';
import { SavedData, saveOnNode } from './saveOnNode';
import { snapshotsFor } from './snapshotsFor';
import { progressSaver } from './progressSaver';
import { BackupNotifier } from './BackupNotifier';

/** What POST /backups and the scheduler put in the operation's params. */
export interface BackupParams {
  backupId: string;
  /** safety: taken by a restore in place before it replaces the data. */
  trigger: 'manual' | 'policy' | 'safety';
  requestedAt: string;
}

const paramsOf = (ctx: StepContext) =>
  ctx.operation.params as unknown as BackupParams;

/** The platform's copy of the saved file lives only while the backup is written. */
const snapshotIdOf = (params: BackupParams) => `backup-${params.backupId}`;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export async function save(
  ctx: StepContext,
  catalog: BackupCatalog,
  params: BackupParams,
) {
  const instance = requireInstance(ctx);
  await catalog.ensure({
    id: params.backupId,
    instanceId: instance.id,
    instanceName: instance.name,
    operationId: ctx.operation.id,
    status: 'running',
    trigger: params.trigger,
    createdAt: params.requestedAt,
  });
  const saved = await saveOnNode(ctx);
  await snapshotsFor(ctx).take(
    instance.id,
    {
      id: snapshotIdOf(params),
      nodeId: saved.nodeId,
      engine: instance.engine,
      version: saved.version,
      meta: { ...saved },
    },
    ctx.driverContext,
  );
  await ctx.log(
    `Saved ${Object.values(saved.keyspace).reduce(
      (n, db) => n + db.keys,
      0,
    )} keys on ${saved.nodeRole} ${saved.nodeId} (BGSAVE; ${
      saved.fingerprint.sample.length
    } values sampled for the digest)`,
  );
}

export async function store(
  ctx: StepContext,
  catalog: BackupCatalog,
  archive: BackupArchive,
  params: BackupParams,
) {
  const instance = requireInstance(ctx);
  const snapshots = snapshotsFor(ctx);
  const snapshot = (await snapshots.list(instance.id)).find(
    s => s.id === snapshotIdOf(params),
  );
  if (!snapshot) {
    throw new Error(`The saved copy ${snapshotIdOf(params)} is gone`);
  }
  const saved = snapshot.meta as unknown as SavedData;
  const progress = progressSaver(
    new OperationControlStore(ctx.deps.db),
    ctx.operation.id,
    snapshot.sizeBytes,
  );
  const written = await archive.writeData(
    instance.id,
    params.backupId,
    await snapshots.read(instance.id, snapshot.id),
    progress.update,
  );
  await progress.finish(written.sizeBytes);
  const rdbVersion = parseRdbHeader(written.head);
  if (rdbVersion === undefined) {
    throw new Error('The saved file is not an RDB file');
  }
  const spec = await buildDriverSpec(instance, ctx.deps);
  const users = spec.users.filter(u => u.username !== ADMIN_USERNAME);
  const manifest = {
    engine: instance.engine,
    version: saved.version,
    rdbVersion,
    keyspace: saved.keyspace,
    digest: digestOf(saved.keyspace, saved.fingerprint),
    nodeId: saved.nodeId,
    nodeRole: saved.nodeRole,
    users: users.map(u => u.username),
  };
  const contents: BackupContents = {
    manifest,
    rdbSha256: written.rdbSha256,
    sizeBytes: written.sizeBytes,
    createdAt: snapshot.createdAt,
    fingerprint: saved.fingerprint,
    users,
    config: {
      version: instance.version,
      platform: instance.platform,
      region: instance.region,
      tls: instance.tls,
      ...(instance.allowList ? { allowList: instance.allowList } : {}),
      resources: instance.resources,
      persistence: instance.persistence,
      maxmemoryPolicy: instance.maxmemoryPolicy,
      config: instance.config,
      replicas: instance.replicas,
    },
  };
  const meta = await archive.writeContents(
    instance.id,
    params.backupId,
    contents,
  );
  await catalog.complete(params.backupId, {
    sizeBytes: written.sizeBytes,
    storedBytes: written.storedBytes + meta.storedBytes,
    dataSha256: written.dataSha256,
    metaSha256: meta.metaSha256,
    manifest,
  });
  await ctx.log(
    `Stored backup ${params.backupId}: RDB version ${rdbVersion}, ${megabytes(
      written.sizeBytes,
    )}, encrypted, SHA-256 ${written.dataSha256.slice(0, 12)}...`,
  );
}

export async function finish(ctx: StepContext, params: BackupParams) {
  const instance = requireInstance(ctx);
  await snapshotsFor(ctx).delete(instance.id, snapshotIdOf(params));
  await ctx.deps.events.add({
    instanceId: instance.id,
    type: 'backed-up',
    actor: ctx.operation.createdBy,
    message: `Backup ${params.backupId} of ${instance.name} is complete (${params.trigger})`,
  });
}

/** Nothing of a failed backup is kept but its row, which says why. */
export async function discardBackup(
  ctx: StepContext,
  archive: BackupArchive,
  params: BackupParams,
  error: Error,
) {
  const instanceId = ctx.operation.instanceId;
  await new BackupCatalog(ctx.deps.db).fail(params.backupId, error.message);
  await archive
    .remove({ instanceId, id: params.backupId })
    .catch(() => undefined);
  await ctx.driver.snapshots
    ?.delete(instanceId, snapshotIdOf(params))
    .catch(() => undefined);
}

/**
 * Backs an instance up: saves on a replica (or the primary) with BGSAVE,
 * encrypts the RDB and the backup's contents into the store, records them
 * in the catalog. The instance serves throughout and its status is left
 * alone.
 */
export function createBackupHandler(
  archive: BackupArchive,
  notifier?: BackupNotifier,
): OperationHandler {
  return {
    type: 'backup',
    steps: ['save', 'store', 'finish'],

    async runStep(step, ctx) {
      const catalog = new BackupCatalog(ctx.deps.db);
      const params = paramsOf(ctx);
      switch (step) {
        case 'save':
          return save(ctx, catalog, params);
        case 'store':
          return store(ctx, catalog, archive, params);
        case 'finish':
          return finish(ctx, params);
        default:
          throw new Error(`Unknown backup step ${step}`);
      }
    },

    async onFailure(ctx, error) {
      const params = paramsOf(ctx);
      const instanceId = ctx.operation.instanceId;
      await discardBackup(ctx, archive, params, error);
      await ctx.deps.events.add({
        instanceId,
        type: 'backup-failed',
        actor: ctx.operation.createdBy,
        message: `Backup ${params.backupId} failed: ${error.message}`,
      });
      if (ctx.instance) {
        await notifier
          ?.failed(
            ctx.instance,
            { id: params.backupId, ...params },
            error.message,
          )
          .catch(sendError =>
            ctx.log(
              `Could not notify the owner: ${(sendError as Error).message}`,
              'warn',
            ),
          );
      }
    },
  };
}
