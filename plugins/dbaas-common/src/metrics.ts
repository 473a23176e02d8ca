/**
 * Metrics the collector stores per instance. Counters from INFO are stored
 * as per-second rates; a counter reset (restart) yields no sample, never a
 * negative one.
 * @public
 */
export const METRIC_NAMES = [
  'cpu_percent',
  'memory_used_bytes',
  'memory_max_bytes',
  'memory_rss_bytes',
  'disk_used_bytes',
  'connected_clients',
  'ops_per_sec',
  'keys',
  'expiring_keys',
  'hit_ratio',
  'hits_per_sec',
  'misses_per_sec',
  'evictions_per_sec',
  'expired_per_sec',
  'net_in_bytes_per_sec',
  'net_out_bytes_per_sec',
] as const;

/** @public */
export type MetricName = (typeof METRIC_NAMES)[number];

/** The newest collected values of one instance. @public */
export interface MetricSnapshot {
  instanceId: string;
  collectedAt: string;
  values: Partial<Record<MetricName, number>>;
}
