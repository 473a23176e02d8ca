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

/**
 * One point of a series: the minimum, average and maximum of the samples
 * in the step that starts at `time`.
 * @public
 */
export interface MetricPoint {
  time: string;
  min: number;
  avg: number;
  max: number;
}

/** @public */
export interface MetricSeries {
  metric: MetricName;
  points: MetricPoint[];
}

/**
 * The answer to a time-series query. `resolution` says where the points
 * came from: raw samples (kept a day by default) or 5-minute rollups (kept
 * 30 days by default).
 * @public
 */
export interface MetricSeriesResponse {
  instanceId: string;
  from: string;
  to: string;
  stepSeconds: number;
  resolution: 'raw' | 'rollup';
  series: MetricSeries[];
}

/** Keys of one logical database, from INFO keyspace. @public */
export interface KeyspaceDatabase {
  db: number;
  keys: number;
  expiringKeys: number;
  /** Average TTL of the expiring keys Redis sampled; absent when it has none. */
  averageTtlSeconds?: number;
}

/** @public */
export interface KeyspaceReport {
  instanceId: string;
  readAt: string;
  databases: KeyspaceDatabase[];
}

/** A replica as its primary sees it (INFO replication `slaveN` lines). @public */
export interface ReplicaLink {
  host: string;
  port: number;
  /** `online`, `wait_bgsave`, `send_bulk`, ... as Redis reports it. */
  state: string;
  offset: number;
  /** How many bytes of the replication stream the replica is behind. */
  lagBytes: number;
  /** Seconds since the replica last acknowledged. */
  lagSeconds?: number;
}

/** A replica's link to its primary (INFO replication on the replica). @public */
export interface PrimaryLink {
  host: string;
  port: number;
  status: 'up' | 'down';
  lastIoSecondsAgo?: number;
  syncInProgress: boolean;
}

/** One node's replication state. @public */
export interface ReplicationNode {
  host: string;
  port: number;
  role: 'primary' | 'replica';
  /** The node's replication offset. */
  offset: number;
  /** Set on a replica. */
  primaryLink?: PrimaryLink;
  /** Set when the node could not be asked; the other figures are then 0. */
  error?: string;
}

/**
 * Replication of an instance: the primary's view of its replicas, and each
 * replica's own view of its link to the primary.
 * @public
 */
export interface ReplicationReport {
  instanceId: string;
  readAt: string;
  role: 'primary' | 'replica';
  connectedReplicas: number;
  replicas: ReplicaLink[];
  nodes: ReplicationNode[];
}
