import { resolveWallTime, wallTimeAt } from '../maintenance/resolveWallTime';
import type { BackupPolicy, BackupSchedule } from '../generated';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAILY_AT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The policy an instance has until its owner sets one: a daily backup kept
 * a week for instances that keep their data on disk; none for caches
 * (persistence none), whose owners chose to lose data on a restart.
 * @public
 */
export function defaultBackupPolicy(persistence: string): BackupPolicy {
  return {
    enabled: persistence !== 'none',
    schedule: { everyHours: 24 },
    retention: { count: 7, maxAgeDays: 30 },
  };
}

/**
 * What is wrong with a schedule, naming the field and the rule, or
 * undefined. The shape is the API contract's; these are the rules it
 * cannot say.
 * @public
 */
export function backupScheduleProblem(
  schedule: BackupSchedule,
): string | undefined {
  const { everyHours, dailyAt, timeZone } = schedule;
  if ((everyHours === undefined) === (dailyAt === undefined)) {
    return 'schedule: give exactly one of everyHours and dailyAt';
  }
  if (dailyAt !== undefined && !DAILY_AT.test(dailyAt)) {
    return `schedule.dailyAt: must be a time HH:MM on the 24-hour clock, got '${dailyAt}'`;
  }
  if (timeZone !== undefined) {
    if (dailyAt === undefined) {
      return 'schedule.timeZone: only goes with dailyAt';
    }
    try {
      resolveWallTime(timeZone, 0);
    } catch {
      return `schedule.timeZone: '${timeZone}' is not an IANA time zone (such as Europe/Berlin)`;
    }
  }
  return undefined;
}

/**
 * When the next backup is due. Every N hours counts from the last backup
 * (at once when there is none); daily at a time is the first such time in
 * the zone after the last backup, or the next one from `now` when there is
 * none. A time skipped by a clock change runs at the first instant after.
 * @public
 */
export function nextBackupAt(
  schedule: BackupSchedule,
  lastBackupAt: Date | undefined,
  now: Date,
): Date {
  if (schedule.everyHours !== undefined) {
    return lastBackupAt
      ? new Date(lastBackupAt.getTime() + schedule.everyHours * HOUR)
      : now;
  }
  const zone = schedule.timeZone ?? 'UTC';
  const [hours, minutes] = (schedule.dailyAt ?? '00:00').split(':').map(Number);
  const after = (lastBackupAt ?? now).getTime();
  const firstDay = Math.floor(wallTimeAt(zone, after) / DAY) - 1;
  for (let day = firstDay; day < firstDay + 4; day++) {
    const at = resolveWallTime(
      zone,
      day * DAY + hours * HOUR + minutes * MINUTE,
    );
    if (lastBackupAt ? at > after : at >= after) return new Date(at);
  }
  // Unreachable: some day within four holds the time.
  return new Date(after + DAY);
}
