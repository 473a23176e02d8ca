import { formatDuration } from './formatDuration';

/**
 * How long a run took, or has taken so far; queued time is not counted
 * because it says nothing about the run itself.
 */
export function operationDuration(
  run: { startedAt?: string; finishedAt?: string },
  now: number = Date.now(),
): string {
  if (!run.startedAt) {
    return '—';
  }
  const started = new Date(run.startedAt).getTime();
  if (!run.finishedAt) {
    return `${formatDuration(now - started)} so far`;
  }
  return formatDuration(new Date(run.finishedAt).getTime() - started);
}
