import { InputError } from '@backstage/errors';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { REDIS_PORT } from './names';

/**
 * Settings the pod owns (its port, paths, files, replication): a tunable
 * moving one would hide the server from its probes and Services, so they
 * are refused whatever the allow-list upstream says.
 */
const OWNED_BY_POD = new Set([
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
  'replica-announce-ip',
  'replica-announce-port',
]);

const KEY = /^[a-z][a-z0-9-]*$/;
const SAVE_POINTS = ['3600 1', '300 100', '60 10000'];

export interface Setting {
  key: string;
  value: string;
}

export function checkTunables(config: Record<string, string>): void {
  for (const key of Object.keys(config)) {
    const lower = key.toLowerCase();
    if (!KEY.test(key) || OWNED_BY_POD.has(lower) || lower.startsWith('tls-')) {
      throw new InputError(
        `config.${key}: this setting is managed by the kubernetes driver and cannot be set`,
      );
    }
  }
}

/** What CONFIG SET takes to bring a running server to the spec. */
export function liveSettings(spec: DriverInstanceSpec): Setting[] {
  checkTunables(spec.config);
  const byPersistence: Record<string, Setting[]> = {
    none: [
      { key: 'appendonly', value: 'no' },
      { key: 'save', value: '' },
    ],
    rdb: [
      { key: 'appendonly', value: 'no' },
      { key: 'save', value: SAVE_POINTS.join(' ') },
    ],
    aof: [
      { key: 'appendfsync', value: 'everysec' },
      { key: 'appendonly', value: 'yes' },
      { key: 'save', value: '' },
    ],
  };
  const persistence = byPersistence[spec.persistence];
  if (!persistence) {
    throw new InputError(
      `persistence must be none, rdb or aof, got "${spec.persistence}"`,
    );
  }
  return [
    { key: 'maxmemory', value: `${spec.resources.memoryMb}mb` },
    { key: 'maxmemory-policy', value: spec.maxmemoryPolicy },
    ...persistence,
    ...Object.entries(spec.config).map(([key, value]) => ({ key, value })),
  ];
}

/** Redis reads config lines like a shell: quote what has spaces or quotes. */
export function quote(value: string): string {
  if ([...value].some(c => c.charCodeAt(0) < 0x20 || c === '\x7f')) {
    throw new InputError('config values must not contain control characters');
  }
  if (value !== '' && /^[^\s"'\\]+$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * redis.conf of the ConfigMap. Paths (dir, aclfile) are on the command
 * line instead, next to the volumes they point into.
 */
export function renderRedisConf(spec: DriverInstanceSpec): string {
  const lines = [
    `port ${REDIS_PORT}`,
    // The NetworkPolicy decides who may connect; the default user is off.
    'protected-mode no',
  ];
  for (const { key, value } of liveSettings(spec)) {
    if (key === 'save' && value) {
      for (const point of SAVE_POINTS) lines.push(`save ${point}`);
    } else {
      lines.push(`${key} ${quote(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
