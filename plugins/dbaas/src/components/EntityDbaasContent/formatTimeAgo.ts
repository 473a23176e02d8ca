const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "12 seconds ago", "3 hours ago"; a clock skewed into the future reads as now. */
export function formatTimeAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(
    0,
    Math.round((now - new Date(iso).getTime()) / 1000),
  );
  const [unit, size] = UNITS.find(([, s]) => seconds >= s) ?? ['second', 1];
  return formatter.format(-Math.floor(seconds / size), unit);
}
