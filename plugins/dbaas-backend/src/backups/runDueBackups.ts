import { LoggerService } from '@backstage/backend-plugin-api';
import {
  defaultBackupPolicy,
  nextBackupAt,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { BackupCatalog } from './BackupCatalog';
import { BackupPolicyStore } from './BackupPolicyStore';
import { BackupService } from './BackupService';

/** The scheduler's id of the task below. */
export const BACKUPS_TASK = 'dbaas-backups';

/** A failed scheduled backup is tried again after this, not every minute. */
const RETRY_AFTER_MS = 15 * 60_000;

export interface DueBackupDeps {
  instances: InstanceStore;
  policies: BackupPolicyStore;
  catalog: BackupCatalog;
  backups: BackupService;
  logger: LoggerService;
}

/**
 * Starts the backups whose policy says they are due. Safe with several
 * backend replicas: the task runs on one at a time (scope global), and the
 * queue refuses a second operation on an instance that has one running.
 */
export async function runDueBackups(
  deps: DueBackupDeps,
  now = new Date(),
): Promise<string[]> {
  const started: string[] = [];
  const stored = await deps.policies.all();
  for (const instance of await deps.instances.list({ status: ['running'] })) {
    const policy =
      stored.get(instance.id) ?? defaultBackupPolicy(instance.persistence);
    // A platform without snapshots would refuse every minute.
    if (!policy.enabled || !deps.backups.canBackUp(instance)) continue;
    const history = await deps.catalog.list(instance.id);
    const lastComplete = history.find(b => b.status === 'complete');
    const lastTry = history[0];
    const due = nextBackupAt(
      policy.schedule,
      lastComplete ? new Date(lastComplete.createdAt) : undefined,
      now,
    );
    if (due > now) continue;
    if (
      lastTry &&
      lastTry !== lastComplete &&
      now.getTime() - Date.parse(lastTry.createdAt) < RETRY_AFTER_MS
    ) {
      continue;
    }
    try {
      const { backup } = await deps.backups.backUp(
        instance,
        'service:dbaas-backups',
        'policy',
      );
      started.push(backup.id);
    } catch (error) {
      // Another operation runs on it; the next round tries again.
      deps.logger.info(
        `Scheduled backup of ${instance.name} not started: ${
          (error as Error).message
        }`,
      );
    }
  }
  return started;
}
