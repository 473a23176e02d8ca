import { MetricName } from '@justmanage/plugin-dbaas-common';
import { MetricUnit } from './formatMetric';

/** One chart of the section: a title, a unit and the metrics drawn in it. */
export interface ChartDefinition {
  title: string;
  unit: MetricUnit;
  lines: Array<{ metric: MetricName; label: string }>;
  /** A line drawn dashed as a limit, e.g. maxmemory. */
  limit?: { metric: MetricName; label: string };
}

export const CHARTS: ChartDefinition[] = [
  {
    title: 'CPU',
    unit: 'percent',
    lines: [{ metric: 'cpu_percent', label: 'CPU' }],
  },
  {
    title: 'Memory',
    unit: 'bytes',
    lines: [{ metric: 'memory_used_bytes', label: 'used' }],
    limit: { metric: 'memory_max_bytes', label: 'maxmemory' },
  },
  {
    title: 'Operations',
    unit: 'perSecond',
    lines: [{ metric: 'ops_per_sec', label: 'ops' }],
  },
  {
    title: 'Connected clients',
    unit: 'count',
    lines: [{ metric: 'connected_clients', label: 'clients' }],
  },
  {
    title: 'Keys',
    unit: 'count',
    lines: [
      { metric: 'keys', label: 'keys' },
      { metric: 'expiring_keys', label: 'expiring' },
    ],
  },
  {
    title: 'Hit ratio',
    unit: 'ratio',
    lines: [{ metric: 'hit_ratio', label: 'hits' }],
  },
  {
    title: 'Evictions',
    unit: 'perSecond',
    lines: [
      { metric: 'evictions_per_sec', label: 'evicted' },
      { metric: 'expired_per_sec', label: 'expired' },
    ],
  },
  {
    title: 'Network',
    unit: 'bytesPerSecond',
    lines: [
      { metric: 'net_in_bytes_per_sec', label: 'in' },
      { metric: 'net_out_bytes_per_sec', label: 'out' },
    ],
  },
  {
    title: 'Disk',
    unit: 'bytes',
    lines: [{ metric: 'disk_used_bytes', label: 'used' }],
  },
];

/** Every metric the charts draw, for one request. */
export const CHARTED_METRICS: MetricName[] = [
  ...new Set(
    CHARTS.flatMap(c => [
      ...c.lines.map(l => l.metric),
      ...(c.limit ? [c.limit.metric] : []),
    ]),
  ),
];
