import { MetricName } from '@justmanage/plugin-dbaas-common';
import { DriverInstanceStats } from '@justmanage/plugin-dbaas-node';
import { InfoFields, numberOf } from '../info/parseInfo';
import { keyspaceOf } from '../info/keyspace';
import { isExportedField } from '../prometheus/exporterNames';
import { CounterName, Reading } from './reading';

const INFO_COUNTERS: Array<[Exclude<CounterName, 'cpu_seconds'>, string]> = [
  ['commands', 'total_commands_processed'],
  ['hits', 'keyspace_hits'],
  ['misses', 'keyspace_misses'],
  ['evicted', 'evicted_keys'],
  ['expired', 'expired_keys'],
  ['net_in', 'total_net_input_bytes'],
  ['net_out', 'total_net_output_bytes'],
];

/**
 * One instance's reading from its primary's INFO, parsed with
 * {@link isCollectedField}, and the driver's figures.
 * CPU and resident memory are the primary node's as the platform measures
 * them, which includes what INFO cannot see (e.g. a container's other
 * processes); without driver figures INFO's own stand in. Disk use is the
 * sum over all nodes: it is what the instance occupies.
 */
export function readingOf(
  fields: InfoFields,
  stats: DriverInstanceStats | undefined,
  primaryNodeId: string | undefined,
  collectedAt: number,
): Reading {
  const dataNodes = stats?.nodes.filter(n => n.role === 'data') ?? [];
  const primaryNode =
    dataNodes.find(n => n.nodeId === primaryNodeId) ??
    (dataNodes.length === 1 ? dataNodes[0] : undefined);

  const counters: Reading['counters'] = {};
  for (const [counter, field] of INFO_COUNTERS) {
    const value = numberOf(fields, field);
    if (value !== undefined) counters[counter] = value;
  }
  const sys = numberOf(fields, 'used_cpu_sys');
  const user = numberOf(fields, 'used_cpu_user');
  const cpuSeconds =
    primaryNode?.cpuSeconds ??
    (sys !== undefined && user !== undefined ? sys + user : undefined);
  if (cpuSeconds !== undefined) counters.cpu_seconds = cpuSeconds;

  const keyspace = keyspaceOf(fields);
  const gauges: Partial<Record<MetricName, number>> = {
    keys: keyspace.reduce((sum, db) => sum + db.keys, 0),
    expiring_keys: keyspace.reduce((sum, db) => sum + db.expiringKeys, 0),
  };
  const set = (metric: MetricName, value: number | undefined) => {
    if (value !== undefined) gauges[metric] = value;
  };
  set('memory_used_bytes', numberOf(fields, 'used_memory'));
  // 0 means no limit, which is no figure to chart against
  set('memory_max_bytes', numberOf(fields, 'maxmemory') || undefined);
  set(
    'memory_rss_bytes',
    primaryNode?.memoryRssBytes ?? numberOf(fields, 'used_memory_rss'),
  );
  set('disk_used_bytes', sumOf(dataNodes.map(n => n.diskUsedBytes)));
  set('connected_clients', numberOf(fields, 'connected_clients'));

  return {
    collectedAt,
    runId: fields.run_id,
    uptimeSeconds: numberOf(fields, 'uptime_in_seconds'),
    counters,
    gauges,
    info: fields,
  };
}

/**
 * The INFO fields a collection keeps: what the exporter names cover, which
 * includes every field a reading is built from. The rest (latency
 * percentiles, error counts, build details) is skipped while parsing.
 */
export const isCollectedField = isExportedField;

function sumOf(values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) : undefined;
}
