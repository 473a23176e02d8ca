import type { BackupPolicy } from '../generated';
import { backupScheduleProblem } from './backupSchedule';

const FIELDS: Record<string, { what: string; known: string[] }> = {
  '': { what: 'a backup policy', known: ['enabled', 'schedule', 'retention'] },
  'schedule.': {
    what: 'a backup schedule',
    known: ['everyHours', 'dailyAt', 'timeZone'],
  },
  'retention.': { what: 'a retention', known: ['count', 'maxAgeDays'] },
};

function unknownField(value: object, prefix: string): string | undefined {
  const { what, known } = FIELDS[prefix];
  const extra = Object.keys(value).find(key => !known.includes(key));
  return (
    extra &&
    `${prefix}${extra}: not a field of ${what}, which has ${known.join(', ')}`
  );
}

/**
 * What is wrong with a backup policy a user sent, naming the field and the
 * rule, or undefined. Types and ranges are the API contract's; these are
 * the rules it cannot say, and unknown fields, which would otherwise be
 * stored and silently mean nothing.
 * @public
 */
export function backupPolicyProblem(policy: BackupPolicy): string | undefined {
  return (
    unknownField(policy, '') ??
    unknownField(policy.schedule, 'schedule.') ??
    unknownField(policy.retention, 'retention.') ??
    backupScheduleProblem(policy.schedule)
  );
}
