import { MetricName } from '@justmanage/plugin-dbaas-common';
import { InfoFields } from '../info/parseInfo';

/** Counters kept from one reading to the next, to compute rates from. */
export const COUNTERS = [
  'cpu_seconds',
  'commands',
  'hits',
  'misses',
  'evicted',
  'expired',
  'net_in',
  'net_out',
] as const;

export type CounterName = (typeof COUNTERS)[number];

/** The rate metric of each counter, and its scale (CPU seconds/s to percent). */
export const RATE_OF: Record<
  CounterName,
  { metric: MetricName; scale: number }
> = {
  cpu_seconds: { metric: 'cpu_percent', scale: 100 },
  commands: { metric: 'ops_per_sec', scale: 1 },
  hits: { metric: 'hits_per_sec', scale: 1 },
  misses: { metric: 'misses_per_sec', scale: 1 },
  evicted: { metric: 'evictions_per_sec', scale: 1 },
  expired: { metric: 'expired_per_sec', scale: 1 },
  net_in: { metric: 'net_in_bytes_per_sec', scale: 1 },
  net_out: { metric: 'net_out_bytes_per_sec', scale: 1 },
};

/** What rates are computed against: the counters of the previous reading. */
export interface CounterState {
  /** Epoch milliseconds. */
  collectedAt: number;
  /** INFO run_id: a new one means the server restarted. */
  runId?: string;
  uptimeSeconds?: number;
  counters: Partial<Record<CounterName, number>>;
}

/** One successful collection from one instance. */
export interface Reading extends CounterState {
  /** Point-in-time values (memory, clients, keys, disk). */
  gauges: Partial<Record<MetricName, number>>;
  /** The INFO fields the Prometheus endpoint exports. */
  info: InfoFields;
}
