import { MAX_GRACE_SECONDS } from '@justmanage/plugin-dbaas-common';
import { formatMoment } from './userWords';

/** The grace periods offered, by their seconds; or a number of minutes. */
export const GRACE_CHOICES: Array<{ value: string; label: string }> = [
  { value: '0', label: 'None' },
  { value: '300', label: '5 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '1 day' },
  { value: String(MAX_GRACE_SECONDS), label: '7 days' },
];

/** The API's default, one hour. */
export const DEFAULT_GRACE = '3600';

/** The grace period as chosen: a choice's seconds, or `minutes` typed. */
export interface GraceDraft {
  choice: string;
  minutes: string;
}

export const MAX_GRACE_MINUTES = MAX_GRACE_SECONDS / 60;

/** Why the typed minutes cannot be sent, or undefined when they can. */
export function minutesProblem(draft: GraceDraft): string | undefined {
  if (draft.choice !== 'minutes') return undefined;
  const text = draft.minutes.trim();
  if (!/^\d+$/.test(text)) return 'a whole number of minutes';
  if (Number(text) > MAX_GRACE_MINUTES) {
    return `at most ${MAX_GRACE_MINUTES} minutes (7 days)`;
  }
  return undefined;
}

/** The graceSeconds to send; undefined while the minutes are wrong. */
export function graceSecondsOf(draft: GraceDraft): number | undefined {
  if (draft.choice !== 'minutes') return Number(draft.choice);
  return minutesProblem(draft) ? undefined : Number(draft.minutes.trim()) * 60;
}

/**
 * What a rotation with this grace period does, in the words of the dialog,
 * with the moment the old password stops working.
 */
export function rotationText(graceSeconds: number, now: number): string {
  const after =
    'Open connections are not closed; clients must switch to the new password';
  if (graceSeconds === 0) {
    return `A new password is made and works at once; the old one is removed from every node as soon as the new one is in place, so clients still using it cannot log in again. ${after} first.`;
  }
  const until = formatMoment(now + graceSeconds * 1000);
  return `A new password is made and works at once; the old one keeps working until ${until}, then it is removed from every node. ${after} before then.`;
}
