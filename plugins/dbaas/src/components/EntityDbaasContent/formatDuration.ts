const PARTS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * The two largest units only ("3d 4h", "2m 5s"): an uptime or an operation
 * length is read at a glance, not to the second. Below ten seconds a tenth
 * is kept: most operations take a few seconds, and "<1s" or "3s" would hide
 * whether one took twice as long as the last.
 */
export function formatDuration(ms: number): string {
  if (ms < 10_000) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  }
  const shown: string[] = [];
  let rest = ms;
  for (const [unit, size] of PARTS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || shown.length > 0) {
      shown.push(`${count}${unit}`);
    }
    if (shown.length === 2) {
      break;
    }
  }
  return shown.filter(part => !part.startsWith('0')).join(' ');
}
