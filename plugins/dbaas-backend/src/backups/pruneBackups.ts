import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BackupPolicy,
  defaultBackupPolicy,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { BackupArchive } from './BackupArchive';
import { BackupCatalog, BackupRecord } from './BackupCatalog';
import { BackupPolicyStore } from './BackupPolicyStore';

const DAY_MS = 24 * 60 * 60_000;

/**
 * The policy's backups that retention removes: beyond the newest `count`,
 * or older than `maxAgeDays`. The newest complete one always stays, so an
 * instance that stopped being backed up keeps its last copy. Backups taken
 * by hand are the owner's to delete.
 */
export function expiredBackups(
  history: BackupRecord[],
  retention: BackupPolicy['retention'],
  now: Date,
): BackupRecord[] {
  const kept = history.filter(
    b => b.trigger === 'policy' && b.status === 'complete',
  );
  return kept.filter(
    (b, index) =>
      index > 0 &&
      (index >= retention.count ||
        now.getTime() - Date.parse(b.createdAt) >
          retention.maxAgeDays * DAY_MS),
  );
}

/** Applies every instance's retention; failed attempts go after a day. */
export async function pruneBackups(
  deps: {
    instances: InstanceStore;
    policies: BackupPolicyStore;
    catalog: BackupCatalog;
    archive: BackupArchive;
    logger: LoggerService;
  },
  now = new Date(),
): Promise<string[]> {
  const removed: string[] = [];
  const stored = await deps.policies.all();
  for (const instance of await deps.instances.list()) {
    const policy =
      stored.get(instance.id) ?? defaultBackupPolicy(instance.persistence);
    const history = await deps.catalog.list(instance.id);
    const failed = history.filter(
      b =>
        b.status === 'failed' &&
        now.getTime() - Date.parse(b.createdAt) > DAY_MS,
    );
    for (const backup of [
      ...expiredBackups(history, policy.retention, now),
      ...failed,
    ]) {
      await deps.archive.remove(backup);
      await deps.catalog.remove(backup.id);
      removed.push(backup.id);
      deps.logger.info(
        `Removed backup ${backup.id} of ${instance.name} (retention)`,
      );
    }
  }
  return removed;
}
