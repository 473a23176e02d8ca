import { StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { StepStoppedError } from '../operations/finalErrors';
import { specFor, withPrimary } from '../upgrades/upgradeContext';
import { fingerprintOf } from '../upgrades/fingerprint';
import { BackupArchive } from './BackupArchive';
import { BackupCatalog, BackupRecord } from './BackupCatalog';
import { parseKeyspaceByDb } from './backupContents';
import { restoreProblems } from './verifyRestored';
import { snapshotsFor } from './snapshotsFor';

/** The complete backup a restore loads, as the catalog has it now. */
export async function backupToLoad(
  ctx: StepContext,
  backupId: string,
): Promise<BackupRecord> {
  const record = await new BackupCatalog(ctx.deps.db).get(backupId);
  if (!record || record.status !== 'complete') {
    throw new StepStoppedError(`Backup ${backupId} is no longer there`);
  }
  return record;
}

/** The checksums again: the store may have changed since the request. */
export async function checkBackup(
  ctx: StepContext,
  archive: BackupArchive,
  record: BackupRecord,
): Promise<void> {
  try {
    await archive.verify(record);
  } catch (error) {
    throw new StepStoppedError((error as Error).message);
  }
  const { manifest, createdAt } = await archive.readContents(record);
  await ctx.log(
    `Backup ${record.id} of ${record.instanceName} matches its checksums: ${manifest.engine} ${manifest.version}, RDB version ${manifest.rdbVersion}, taken ${createdAt}`,
  );
}

/**
 * Has the platform start the instance, as its row says, on the backup's
 * RDB, with every user but the control plane's off until the data is
 * verified (see releaseUsers).
 */
export async function loadBackup(
  ctx: StepContext,
  archive: BackupArchive,
  record: BackupRecord,
): Promise<void> {
  const instance = requireInstance(ctx);
  const { rdbSha256 } = await archive.readContents(record);
  await snapshotsFor(ctx).restore(
    await specFor(ctx, instance, { hold: true }),
    { rdb: () => archive.readData(record, rdbSha256) },
    ctx.driverContext,
  );
  await ctx.log(
    `Asked platform ${instance.platform} to start ${instance.engine} ${instance.version} on the data of backup ${record.id}; application users stay off until it is verified`,
  );
}

/**
 * Compares the primary's key counts and sampled values with the backup's
 * manifest; a difference stops the operation at once, as reading again
 * would read the same data.
 */
export async function verifyAgainstManifest(
  ctx: StepContext,
  archive: BackupArchive,
  record: BackupRecord,
): Promise<void> {
  const { manifest, fingerprint } = await archive.readContents(record);
  const actual = await withPrimary(ctx, async redis => ({
    fingerprint: await fingerprintOf(redis, fingerprint.sample),
    keyspace: parseKeyspaceByDb(await redis.info('keyspace')),
  }));
  const problems = restoreProblems(manifest, actual);
  if (problems.length) {
    throw new StepStoppedError(
      `The restored data differs from backup ${record.id}: ${problems.join(
        '; ',
      )}`,
    );
  }
  await ctx.log(
    `Key counts of every database and all ${fingerprint.sample.length} sampled values equal the backup's manifest`,
  );
}
