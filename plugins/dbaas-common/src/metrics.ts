import type { MetricName, MetricPoint } from './generated';
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

/** Whether a metric is a per-second rate derived from an INFO counter. @public */
export const RATE_METRICS: readonly MetricName[] = [
  'cpu_percent',
  'ops_per_sec',
  'hit_ratio',
  'hits_per_sec',
  'misses_per_sec',
  'evictions_per_sec',
  'expired_per_sec',
  'net_in_bytes_per_sec',
  'net_out_bytes_per_sec',
];

/** Checks a name against {@link METRIC_NAMES}. @public */
export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

/** @public */
export interface MetricSeries {
  metric: MetricName;
  points: MetricPoint[];
}

/** Keys of one logical database, from INFO keyspace. @public */
export interface KeyspaceDatabase {
  db: number;
  keys: number;
  expiringKeys: number;
  /** Average TTL of the expiring keys Redis sampled; absent when it has none. */
  averageTtlSeconds?: number;
}

/** A replica's link to its primary (INFO replication on the replica). @public */
export interface PrimaryLink {
  host: string;
  port: number;
  status: 'up' | 'down';
  lastIoSecondsAgo?: number;
  syncInProgress: boolean;
}

