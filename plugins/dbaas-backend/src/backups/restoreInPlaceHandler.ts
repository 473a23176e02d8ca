import { OperationHandler, StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { waitUntilReady } from '../operations/waitUntilReady';
import { markRunning } from '../operations/markRunning';
import { stepStarted } from '../upgrades/upgradeContext';
import { BackupArchive } from './BackupArchive';
import { releaseUsers } from './releaseUsers';
import { BackupCatalog } from './BackupCatalog';
import {
  BackupParams,
  discardBackup,
  finish,
  save,
  store,
} from './backupHandler';
import {
  backupToLoad,
  checkBackup,
  loadBackup,
  verifyAgainstManifest,
} from './restoreSteps';

/** What POST .../restore-in-place puts in the operation's params. */
export interface RestoreInPlaceParams {
  backupId: string;
  /** The backup of the data as it was, taken first: the way back. */
  safetyBackupId: string;
  requestedAt: string;
}

const paramsOf = (ctx: StepContext) =>
  ctx.operation.params as unknown as RestoreInPlaceParams;

function safetyOf(params: RestoreInPlaceParams): BackupParams {
  return {
    backupId: params.safetyBackupId,
    trigger: 'safety',
    requestedAt: params.requestedAt,
  };
}

async function safetyBackup(ctx: StepContext, archive: BackupArchive) {
  const safety = safetyOf(paramsOf(ctx));
  const catalog = new BackupCatalog(ctx.deps.db);
  if ((await catalog.get(safety.backupId))?.status !== 'complete') {
    await save(ctx, catalog, safety);
    await store(ctx, catalog, archive, safety);
  }
  await finish(ctx, safety);
}

/**
 * After a failure: nothing changed while the data was not yet replaced;
 * after that, the safety backup is loaded back and verified.
 */
async function putBack(
  ctx: StepContext,
  archive: BackupArchive,
): Promise<string> {
  const params = paramsOf(ctx);
  if (!stepStarted(ctx, 'load')) {
    const catalog = new BackupCatalog(ctx.deps.db);
    if ((await catalog.get(params.safetyBackupId))?.status === 'running') {
      await discardBackup(
        ctx,
        archive,
        safetyOf(params),
        new Error('the restore it was taken for failed first'),
      );
    }
    return 'the data was not replaced';
  }
  const safety = await backupToLoad(ctx, params.safetyBackupId);
  await loadBackup(ctx, archive, safety);
  await waitUntilReady(ctx);
  await verifyAgainstManifest(ctx, archive, safety);
  await releaseUsers(ctx);
  return `the data of safety backup ${safety.id} was put back and verified`;
}

/**
 * Replaces a running instance's data with one of its backups, after a
 * safety backup of the data as it is; verified like a restore into a new
 * instance. The instance's users and settings stay as they are.
 */
export function createRestoreInPlaceHandler(
  archive: BackupArchive,
): OperationHandler {
  return {
    type: 'restore-in-place',
    steps: [
      'safety-backup',
      'check',
      'load',
      'wait-ready',
      'verify',
      'finalize',
    ],

    async runStep(step, ctx) {
      const instance = requireInstance(ctx);
      const params = paramsOf(ctx);
      const record = await backupToLoad(ctx, params.backupId);
      switch (step) {
        case 'safety-backup':
          return safetyBackup(ctx, archive);
        case 'check':
          return checkBackup(ctx, archive, record);
        case 'load':
          return loadBackup(ctx, archive, record);
        case 'wait-ready':
          return waitUntilReady(ctx);
        case 'verify':
          return verifyAgainstManifest(ctx, archive, record);
        case 'finalize':
          await releaseUsers(ctx);
          return markRunning(ctx, instance, {
            type: 'restored-in-place',
            message: `Instance ${instance.name} runs on backup ${record.id} of ${record.createdAt}; safety backup ${params.safetyBackupId} holds the data it replaced`,
          });
        default:
          throw new Error(`Unknown restore-in-place step ${step}`);
      }
    },

    async onFailure(ctx, error) {
      const instance = ctx.instance;
      if (!instance) return;
      let outcome: string;
      try {
        outcome = await putBack(ctx, archive);
        await ctx.deps.instances.setStatus(instance.id, 'running');
      } catch (putBackError) {
        outcome = `putting the data back failed too (${
          (putBackError as Error).message
        }); safety backup ${paramsOf(ctx).safetyBackupId} is kept`;
        await ctx.deps.instances.setStatus(instance.id, 'failed');
      }
      await ctx.log(`After the failure: ${outcome}`);
      // The worker records this as the operation's error: it says what became of the data.
      error.message = `${error.message}; ${outcome}`;
      await ctx.deps.events.add({
        instanceId: instance.id,
        type: 'restore-in-place-failed',
        actor: ctx.operation.createdBy,
        message: `Restoring ${instance.name} in place failed: ${error.message}`,
      });
    },
  };
}
