import { AclUser, MAX_ROTATION_DAYS } from '@justmanage/plugin-dbaas-common';
import { DEFAULT_GRACE, GRACE_CHOICES, GraceDraft } from './gracePeriod';
import { formatMoment } from './userWords';

/** The schedule as the dialog edits it: off, or every `days` with a grace. */
export interface ScheduleDraft {
  on: boolean;
  days: string;
  grace: GraceDraft;
}

/** The dialog's start: the user's schedule, or off with monthly days ready. */
export function draftOf(user: AclUser): ScheduleDraft {
  const rotation = user.rotation;
  if (!rotation) {
    return {
      on: false,
      days: '30',
      grace: { choice: DEFAULT_GRACE, minutes: '' },
    };
  }
  const seconds = String(rotation.graceSeconds);
  const offered = GRACE_CHOICES.some(choice => choice.value === seconds);
  return {
    on: true,
    days: String(rotation.everyDays),
    grace: offered
      ? { choice: seconds, minutes: '' }
      : { choice: 'minutes', minutes: String(rotation.graceSeconds / 60) },
  };
}

/** Why the typed days cannot be sent, or undefined when they can. */
export function daysProblem(days: string): string | undefined {
  const text = days.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    return 'a whole number of days, at least 1';
  }
  if (Number(text) > MAX_ROTATION_DAYS) {
    return `at most ${MAX_ROTATION_DAYS} days`;
  }
  return undefined;
}

/**
 * Why the grace does not fit the period, as the API would refuse it: a
 * grace as long as the period keeps a password of every round in force.
 */
export function graceProblem(
  everyDays: number,
  graceSeconds: number,
): string | undefined {
  return graceSeconds >= everyDays * 86_400
    ? `The old password must stop working before the next rotation: choose a grace shorter than ${everyDays} day(s).`
    : undefined;
}

/** "rotates every 30 days, next on Sat 5 Dec 14:02 UTC", or due now. */
export function rotationLine(
  rotation: NonNullable<AclUser['rotation']>,
  now: number = Date.now(),
): string {
  const every =
    rotation.everyDays === 1 ? 'every day' : `every ${rotation.everyDays} days`;
  return Date.parse(rotation.nextAt) > now
    ? `rotates ${every}, next on ${formatMoment(rotation.nextAt)}`
    : `rotates ${every}, due now`;
}
