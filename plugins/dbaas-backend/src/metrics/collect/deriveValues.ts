import { MetricName } from '@justmanage/plugin-dbaas-common';
import { COUNTERS, CounterState, RATE_OF, Reading } from './reading';

/** Whether the server restarted between two readings. */
export function restartedBetween(
  previous: CounterState,
  current: CounterState,
): boolean {
  if (previous.runId && current.runId && previous.runId !== current.runId) {
    return true;
  }
  return (
    previous.uptimeSeconds !== undefined &&
    current.uptimeSeconds !== undefined &&
    current.uptimeSeconds < previous.uptimeSeconds
  );
}

/**
 * The values of one sample: the reading's gauges, plus per-second rates of
 * its counters against the previous reading. A rate is left out, never
 * negative, when the server restarted in between (new run_id or a lower
 * uptime), when a counter went down (CONFIG RESETSTAT), or when the
 * readings are too far apart to say what happened in between.
 */
export function deriveValues(
  current: Reading,
  previous: CounterState | undefined,
  maxGapMs: number,
): Partial<Record<MetricName, number>> {
  const values: Partial<Record<MetricName, number>> = { ...current.gauges };
  if (!previous) return values;
  const elapsedMs = current.collectedAt - previous.collectedAt;
  if (elapsedMs <= 0 || elapsedMs > maxGapMs) return values;
  if (restartedBetween(previous, current)) return values;

  const seconds = elapsedMs / 1000;
  for (const counter of COUNTERS) {
    const before = previous.counters[counter];
    const now = current.counters[counter];
    if (before === undefined || now === undefined || now < before) continue;
    const { metric, scale } = RATE_OF[counter];
    values[metric] = ((now - before) / seconds) * scale;
  }
  const hits = values.hits_per_sec;
  const misses = values.misses_per_sec;
  if (hits !== undefined && misses !== undefined && hits + misses > 0) {
    values.hit_ratio = hits / (hits + misses);
  }
  return values;
}
