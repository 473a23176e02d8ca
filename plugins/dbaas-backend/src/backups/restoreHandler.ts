import { OperationHandler, StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { waitUntilReady } from '../operations/waitUntilReady';
import { markRunning } from '../operations/markRunning';
import { StepStoppedError } from '../operations/finalErrors';
import { createInstanceHandler } from '../operations/handlers/createInstance';
import { withPrimary } from '../upgrades/upgradeContext';
import { fingerprintOf } from '../upgrades/fingerprint';
import { BackupArchive } from './BackupArchive';
import { BackupCatalog, BackupRecord } from './BackupCatalog';
import { parseKeyspaceByDb } from './backupContents';
import { restoreProblems } from './verifyRestored';
import { snapshotsFor } from './snapshotsFor';

/** What a restore adds to the new instance's create params. */
export interface RestoreParams {
  backupId: string;
  sourceInstanceId: string;
}

async function backupOf(ctx: StepContext): Promise<BackupRecord> {
  const { backupId } = ctx.operation.params as unknown as RestoreParams;
  const record = await new BackupCatalog(ctx.deps.db).get(backupId);
  if (!record || record.status !== 'complete') {
    throw new StepStoppedError(`Backup ${backupId} is no longer there`);
  }
  return record;
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
      const record = await backupOf(ctx);
      switch (step) {
        case 'check': {
          try {
            await archive.verify(record);
          } catch (error) {
            throw new StepStoppedError((error as Error).message);
          }
          const contents = await archive.readContents(record);
          await ctx.log(
            `Backup ${record.id} of ${record.instanceName} matches its checksums: ${contents.manifest.engine} ${contents.manifest.version}, RDB version ${contents.manifest.rdbVersion}, taken ${contents.createdAt}`,
          );
          return;
        }
        case 'load': {
          const contents = await archive.readContents(record);
          const spec = await buildDriverSpec(instance, ctx.deps);
          await snapshotsFor(ctx).restore(
            spec,
            { rdb: () => archive.readData(record, contents.rdbSha256) },
            ctx.driverContext,
          );
          await ctx.log(
            `Asked platform ${instance.platform} to start ${instance.engine} ${instance.version} on the backup's data`,
          );
          return;
        }
        case 'wait-ready':
          await waitUntilReady(ctx);
          return;
        case 'verify': {
          const { manifest, fingerprint } = await archive.readContents(record);
          const actual = await withPrimary(ctx, async redis => ({
            fingerprint: await fingerprintOf(redis, fingerprint.sample),
            keyspace: parseKeyspaceByDb(await redis.info('keyspace')),
          }));
          const problems = restoreProblems(manifest, actual);
          if (problems.length) {
            throw new StepStoppedError(
              `The restored data differs from backup ${
                record.id
              }: ${problems.join('; ')}`,
            );
          }
          await ctx.log(
            `Key counts of every database and all ${fingerprint.sample.length} sampled values equal the backup's manifest`,
          );
          return;
        }
        case 'finalize':
          await markRunning(ctx, instance, {
            type: 'restored',
            message: `Instance ${instance.name} runs on backup ${record.id} of ${record.instanceName}`,
          });
          return;
        default:
          throw new Error(`Unknown restore step ${step}`);
      }
    },

    onFailure: (ctx, error) => createInstanceHandler.onFailure(ctx, error),
  };
}
