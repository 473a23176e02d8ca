import { InputError } from '@backstage/errors';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';

/**
 * Settings the job owns (ports, paths, process, replication): a tunable
 * overriding one could move the server out of its allocation or hide it
 * from Nomad, so they are refused whatever the allow-list upstream says.
 */
const MANAGED_KEYS = new Set([
  'port',
  'bind',
  'protected-mode',
  'dir',
  'daemonize',
  'supervised',
  'pidfile',
  'logfile',
  'aclfile',
  'include',
  'requirepass',
  'masterauth',
  'masteruser',
  'replicaof',
  'slaveof',
  'rename-command',
  'unixsocket',
  'unixsocketperm',
  'maxmemory',
  'maxmemory-policy',
  'save',
  'appendonly',
  'appendfsync',
  'appenddirname',
  'appendfilename',
  'dbfilename',
  'enable-debug-command',
  'enable-module-command',
  'enable-protected-configs',
  'loadmodule',
]);

const KEY = /^[a-z][a-z0-9-]*$/;
const RDB_SAVE_POINTS = ['3600 1', '300 100', '60 10000'];

export interface Setting {
  key: string;
  value: string;
}

export function checkTunables(config: Record<string, string>): void {
  for (const key of Object.keys(config)) {
    const lower = key.toLowerCase();
    if (!KEY.test(key) || MANAGED_KEYS.has(lower) || lower.startsWith('tls-')) {
      throw new InputError(
        `The setting "${key}" is managed by the nomad driver and cannot be set`,
      );
    }
  }
}

/** What CONFIG SET takes to bring a running server to the spec; `save` holds every point. */
export function liveSettings(spec: DriverInstanceSpec): Setting[] {
  checkTunables(spec.config);
  const settings: Setting[] = [
    { key: 'maxmemory', value: `${spec.resources.memoryMb}mb` },
    { key: 'maxmemory-policy', value: spec.maxmemoryPolicy },
  ];
  const persistence: Record<string, Setting[]> = {
    none: [
      { key: 'appendonly', value: 'no' },
      { key: 'save', value: '' },
    ],
    rdb: [
      { key: 'appendonly', value: 'no' },
      { key: 'save', value: RDB_SAVE_POINTS.join(' ') },
    ],
    aof: [
      { key: 'appendfsync', value: 'everysec' },
      { key: 'appendonly', value: 'yes' },
      { key: 'save', value: '' },
    ],
  };
  const lines = persistence[spec.persistence];
  if (!lines) throw new InputError(`Unknown persistence "${spec.persistence}"`);
  settings.push(...lines);
  for (const [key, value] of Object.entries(spec.config))
    settings.push({ key, value });
  return settings;
}

/** Redis splits config lines like a shell: quote what holds spaces or quotes, or nothing. */
export function quote(value: string): string {
  if ([...value].some(c => c.charCodeAt(0) < 0x20 || c === '\x7f')) {
    throw new InputError('Redis settings must not contain control characters');
  }
  if (value !== '' && /^[^\s"'\\]+$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The spec's part of redis.conf, kept in the node's variable and rendered by a template. */
export function renderSettings(spec: DriverInstanceSpec): string {
  const lines: string[] = [];
  for (const { key, value } of liveSettings(spec)) {
    if (key === 'save' && value !== '') {
      // One line per save point: older servers take only pairs per line.
      for (const point of RDB_SAVE_POINTS) lines.push(`save ${point}`);
    } else {
      lines.push(`${key} ${quote(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
