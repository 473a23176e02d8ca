import { Instance } from '@justmanage/plugin-dbaas-common';
import { InfoFields, parseList } from '../info/parseInfo';
import { keyspaceOf } from '../info/keyspace';
import { replicationOf } from '../info/replication';
import { ExportedReading } from '../store/MetricStore';
import {
  EXPORTER_COUNTERS,
  EXPORTER_GAUGES,
  INSTANCE_INFO_LABELS,
} from './exporterNames';

const NAMESPACE = 'redis';

type Labels = Record<string, string>;

interface Family {
  type: 'gauge' | 'counter';
  help: string;
  samples: string[];
}

/**
 * Prometheus text format 0.0.4 of every instance's latest reading, named
 * as redis_exporter names them, with the labels instance (its name),
 * owner, platform and region. An instance whose last collection failed
 * reports only redis_up 0, as the exporter does for a target it cannot
 * reach.
 */
export function renderExposition(
  readings: ExportedReading[],
  instances: Map<string, Instance>,
): string {
  const families = new Map<string, Family>();
  const add = (
    name: string,
    type: Family['type'],
    help: string,
    labels: Labels,
    value: number,
  ) => {
    const full = `${NAMESPACE}_${name}`;
    let family = families.get(full);
    if (!family) {
      family = { type, help, samples: [] };
      families.set(full, family);
    }
    family.samples.push(`${full}${formatLabels(labels)} ${formatValue(value)}`);
  };

  for (const reading of readings) {
    const instance = instances.get(reading.instanceId);
    if (!instance) continue;
    const base: Labels = {
      instance: instance.name,
      owner: instance.owner,
      platform: instance.platform,
      region: instance.region,
    };
    const info = reading.up ? reading.info : undefined;
    add(
      'up',
      'gauge',
      'Information about the Redis instance',
      base,
      info ? 1 : 0,
    );
    if (info) addInfoFamilies(info, base, add);
  }

  const lines: string[] = [];
  for (const [name, family] of families) {
    lines.push(
      `# HELP ${name} ${family.help}`,
      `# TYPE ${name} ${family.type}`,
    );
    lines.push(...family.samples);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function addInfoFamilies(
  info: InfoFields,
  base: Labels,
  add: (
    name: string,
    type: Family['type'],
    help: string,
    labels: Labels,
    value: number,
  ) => void,
) {
  for (const [field, name] of Object.entries(EXPORTER_GAUGES)) {
    const value = numeric(info[field]);
    if (value !== undefined) add(name, 'gauge', `${name} metric`, base, value);
  }
  for (const [field, name] of Object.entries(EXPORTER_COUNTERS)) {
    const value = numeric(info[field]);
    if (value !== undefined)
      add(name, 'counter', `${name} metric`, base, value);
  }
  for (const [field, name] of [
    ['rdb_last_bgsave_status', 'rdb_last_bgsave_status'],
    ['aof_last_bgrewrite_status', 'aof_last_bgrewrite_status'],
    ['aof_last_write_status', 'aof_last_write_status'],
  ]) {
    if (info[field] !== undefined) {
      add(name, 'gauge', `${name} metric`, base, info[field] === 'ok' ? 1 : 0);
    }
  }
  const uptime = numeric(info.uptime_in_seconds);
  if (uptime !== undefined) {
    add(
      'start_time_seconds',
      'gauge',
      'Start time of the Redis instance since unix epoch in seconds.',
      base,
      Math.floor(Date.now() / 1000) - uptime,
    );
  }

  const infoLabels: Labels = { ...base };
  for (const label of INSTANCE_INFO_LABELS)
    infoLabels[label] = info[label] ?? '';
  add(
    'instance_info',
    'gauge',
    'Information about the Redis instance',
    infoLabels,
    1,
  );

  const databases = keyspaceOf(info);
  if (!databases.some(d => d.db === 0)) {
    databases.unshift({ db: 0, keys: 0, expiringKeys: 0 });
  }
  for (const db of databases) {
    const labels = { ...base, db: `db${db.db}` };
    add('db_keys', 'gauge', 'Total number of keys by DB', labels, db.keys);
    add(
      'db_keys_expiring',
      'gauge',
      'Total number of expiring keys by DB',
      labels,
      db.expiringKeys,
    );
    if (db.averageTtlSeconds !== undefined) {
      add(
        'db_avg_ttl_seconds',
        'gauge',
        'Avg TTL in seconds',
        labels,
        db.averageTtlSeconds,
      );
    }
  }

  const replication = replicationOf(info);
  for (const replica of replication.replicas) {
    const labels = {
      ...base,
      slave_ip: replica.host,
      slave_port: String(replica.port),
      slave_state: replica.state,
    };
    add(
      'connected_slave_offset_bytes',
      'gauge',
      'Offset of connected slave',
      labels,
      replica.offset,
    );
    if (replica.lagSeconds !== undefined) {
      add(
        'connected_slave_lag_seconds',
        'gauge',
        'Lag of connected slave',
        labels,
        replica.lagSeconds,
      );
    }
  }
  if (replication.primaryLink) {
    const labels = {
      ...base,
      master_host: replication.primaryLink.host,
      master_port: String(replication.primaryLink.port),
    };
    add(
      'master_link_up',
      'gauge',
      'Master link status on Redis slave',
      labels,
      replication.primaryLink.status === 'up' ? 1 : 0,
    );
  }

  for (const [field, value] of Object.entries(info)) {
    if (!field.startsWith('cmdstat_')) continue;
    const stats = parseList(value);
    const calls = numeric(stats.calls);
    const usec = numeric(stats.usec);
    const labels = { ...base, cmd: field.slice('cmdstat_'.length) };
    if (calls !== undefined) {
      add(
        'commands_total',
        'counter',
        'Total number of calls per command',
        labels,
        calls,
      );
    }
    if (usec !== undefined) {
      add(
        'commands_duration_seconds_total',
        'counter',
        'Total amount of time in seconds spent per command',
        labels,
        usec / 1e6,
      );
    }
  }
}

function numeric(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Label values escaped as the text format requires: backslash, quote, newline. */
function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(
    ([k, v]) =>
      `${k}="${v
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')}"`,
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}
