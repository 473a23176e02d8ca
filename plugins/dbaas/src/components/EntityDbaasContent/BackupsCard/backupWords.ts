import type {
  Backup,
  BackupPolicy,
  BackupSchedule,
} from '@justmanage/plugin-dbaas-common';

/** "every 6 hours", "daily at 02:30 Europe/Berlin". */
export function scheduleText(schedule: BackupSchedule): string {
  if (schedule.everyHours !== undefined) {
    return schedule.everyHours === 1
      ? 'every hour'
      : `every ${schedule.everyHours} hours`;
  }
  return `daily at ${schedule.dailyAt} ${schedule.timeZone ?? 'UTC'}`;
}

/** The policy in one line, as the card's summary reads it. */
export function policyText(policy: BackupPolicy): string {
  if (!policy.enabled) return 'Off: backed up only when someone asks.';
  const { count, maxAgeDays } = policy.retention;
  const kept = count === 1 ? 'the newest backup' : `the newest ${count}`;
  return `Backed up ${scheduleText(
    policy.schedule,
  )}; keeps ${kept}, none older than ${maxAgeDays} days.`;
}

/** Who or what took a backup. */
export function triggerText(trigger: Backup['trigger']): string {
  switch (trigger) {
    case 'manual':
      return 'by hand';
    case 'policy':
      return 'by the policy';
    default:
      return 'before a restore in place';
  }
}

/** Keys in every database the backup holds. */
export function keyCount(backup: Backup): number | undefined {
  const keyspace = backup.manifest?.keyspace;
  if (!keyspace) return undefined;
  return Object.values(keyspace).reduce((sum, db) => sum + db.keys, 0);
}

export const backUpNowText = {
  running: 'Backing up: saving the data and storing it encrypted.',
  succeeded: 'Backed up. The new backup is at the top of the list.',
  failed: 'The backup failed',
};

export function restoreText(name: string) {
  return {
    running: `Restoring into ${name}: creating it on the backup's data, then checking every key count against the backup.`,
    succeeded: `${name} is running with the backup's data.`,
    failed: `The restore into ${name} failed`,
  };
}

export function restoreInPlaceText(name: string) {
  return {
    running: `Replacing the data of ${name}: a safety backup first, then the backup is loaded and checked.`,
    succeeded: `${name} holds the backup's data again; the data it replaced is in the safety backup.`,
    failed: `The restore of ${name} failed`,
  };
}
