/**
 * "99.95 %": two decimals, rounded down so that a week with any downtime
 * never reads as 100 %. "—" before the first health check.
 */
export function formatUptime(percent: number | undefined): string {
  if (percent === undefined) return '—';
  if (percent >= 100) return '100 %';
  return `${(Math.floor(percent * 100) / 100).toFixed(2)} %`;
}
