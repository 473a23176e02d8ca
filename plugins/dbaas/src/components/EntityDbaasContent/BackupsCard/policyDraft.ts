import {
  backupPolicyProblem,
  type BackupPolicy,
} from '@justmanage/plugin-dbaas-common';

/** The policy form's fields, as typed. */
export interface PolicyDraft {
  mode: 'off' | 'hours' | 'daily';
  everyHours: string;
  dailyAt: string;
  timeZone: string;
  count: string;
  maxAgeDays: string;
}

export function draftOf(policy: BackupPolicy): PolicyDraft {
  const { schedule, retention } = policy;
  let mode: PolicyDraft['mode'] = 'off';
  if (policy.enabled) mode = schedule.dailyAt ? 'daily' : 'hours';
  return {
    mode,
    everyHours: String(schedule.everyHours ?? 24),
    dailyAt: schedule.dailyAt ?? '02:00',
    timeZone: schedule.timeZone ?? 'UTC',
    count: String(retention.count),
    maxAgeDays: String(retention.maxAgeDays),
  };
}

function whole(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) : NaN;
}

/**
 * The policy the draft asks for. Off keeps a schedule (the contract wants
 * one) so that turning it on again starts from what was there.
 */
export function policyOf(draft: PolicyDraft): BackupPolicy {
  const schedule =
    draft.mode === 'daily'
      ? { dailyAt: draft.dailyAt.trim(), timeZone: draft.timeZone.trim() }
      : { everyHours: whole(draft.everyHours) };
  return {
    enabled: draft.mode !== 'off',
    schedule,
    retention: {
      count: whole(draft.count),
      maxAgeDays: whole(draft.maxAgeDays),
    },
  };
}

/**
 * What keeps the draft from being saved, in the backend's words where the
 * shared rules say it; ranges are the contract's, told before a round trip.
 */
export function draftProblem(draft: PolicyDraft): string | undefined {
  const policy = policyOf(draft);
  const hours = policy.schedule.everyHours;
  if (draft.mode === 'hours' && !(hours! >= 1 && hours! <= 168)) {
    return 'schedule.everyHours: a whole number of hours from 1 to 168';
  }
  const { count, maxAgeDays } = policy.retention;
  if (!(count >= 1 && count <= 1000)) {
    return 'retention.count: a whole number from 1 to 1000';
  }
  if (!(maxAgeDays >= 1 && maxAgeDays <= 3650)) {
    return 'retention.maxAgeDays: a whole number of days from 1 to 3650';
  }
  return backupPolicyProblem(policy);
}
