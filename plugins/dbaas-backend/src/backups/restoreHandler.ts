import { OperationHandler } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { waitUntilReady } from '../operations/waitUntilReady';
import { markRunning } from '../operations/markRunning';
import { createInstanceHandler } from '../operations/handlers/createInstance';
import { BackupArchive } from './BackupArchive';
import { releaseUsers } from './releaseUsers';
import {
  backupToLoad,
  checkBackup,
  loadBackup,
  verifyAgainstManifest,
} from './restoreSteps';

/** What a restore adds to the new instance's create params. */
export interface RestoreParams {
  backupId: string;
  sourceInstanceId: string;
}

/**
 * Makes a new instance from a backup: proves the stored backup, has the
 * platform start the new instance on its RDB, then compares the key counts
 * and the digest with the backup's manifest. Any difference fails the
 * operation, and the new instance is taken down as a failed create is.
 */
export function createRestoreHandler(archive: BackupArchive): OperationHandler {
  return {
    type: 'restore',
    steps: ['check', 'load', 'wait-ready', 'verify', 'finalize'],

    async runStep(step, ctx) {
      const instance = requireInstance(ctx);
      const { backupId } = ctx.operation.params as unknown as RestoreParams;
      const record = await backupToLoad(ctx, backupId);
      switch (step) {
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
            type: 'restored',
            message: `Instance ${instance.name} runs on backup ${record.id} of ${record.instanceName}`,
          });
        default:
          throw new Error(`Unknown restore step ${step}`);
      }
    },

    onFailure: (ctx, error) => createInstanceHandler.onFailure(ctx, error),
  };
}
