import { DateTime } from 'luxon';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const DAY_S = 86_400;

/**
 * "in 89 days", "in 10 years", "3 days ago": how far a moment is, in the
 * unit that reads best for certificates, which live for months or years.
 */
export function relativeTime(at: string | Date, now: number = Date.now()) {
  const seconds = (new Date(at).getTime() - now) / 1000;
  const size = Math.abs(seconds);
  if (size >= 365 * DAY_S) {
    return relative.format(Math.round(seconds / (365 * DAY_S)), 'year');
  }
  if (size >= DAY_S) return relative.format(Math.round(seconds / DAY_S), 'day');
  if (size >= 3_600)
    return relative.format(Math.round(seconds / 3_600), 'hour');
  return relative.format(Math.round(seconds / 60), 'minute');
}

/**
 * "Wed 2 Dec 2036 23:20 UTC (in 10 years)": a moment in the viewer's zone,
 * with the year, since certificates outlive the current one.
 */
export function momentText(at: string | Date, now: number = Date.now()) {
  const when =
    typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return `${when.toFormat('ccc d LLL yyyy HH:mm ZZZZ')} (${relativeTime(
    at,
    now,
  )})`;
}

/** What the card says of a rotation it follows. */
export function rotationText(generation: number | undefined) {
  const of = generation ? ` of generation ${generation}` : '';
  return {
    running: `Giving every node new certificates${of}; connected clients stay connected…`,
    succeeded: `Every node serves the new certificates${of}; clients keep trusting the same CA.`,
    failed:
      'The rotation failed; the nodes keep serving their previous certificates until they expire, and the renewal task tries again within the hour',
  };
}

const MODES: Record<string, string> = {
  required: 'required: TLS only, plain TCP is refused',
  preferred:
    'preferred: TLS on a second port beside the plain one, on the way to required',
};

/** The mode in words; a mode this page does not know is shown as it is. */
export function modeText(mode: string): string {
  return MODES[mode] ?? mode;
}
