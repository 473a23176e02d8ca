import { InputError } from '@backstage/errors';
import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { InstanceFiles } from './instanceFiles';
import type { NodeListeners, NodeTlsPaths } from './nodeTls';

/**
 * Settings the driver owns. A tunable overriding one of these could move
 * the process out of its folder, open it to the network or hide it from
 * the supervisor, so they are refused even if the allow-list upstream
 * ever lets one through.
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
  'repl-diskless-sync-delay',
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

const KEY_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The snapshot schedule for `rdb`: an hour, five minutes, one minute. */
const RDB_SAVE_POINTS = ['3600 1', '300 100', '60 10000'];

/** One setting as CONFIG SET takes it. */
export interface LiveSetting {
  key: string;
  value: string;
  /** Set in the same CONFIG SET, for settings only valid together. */
  with?: { key: string; value: string };
  /** Read first, and set only when the server has another value. */
  onlyIfDifferent?: boolean;
}

/**
 * Quotes a value for the config file. Redis splits lines like a shell, so
 * anything with spaces, quotes or nothing at all must be quoted.
 */
export function quote(value: string): string {
  if ([...value].some(c => c.charCodeAt(0) < 0x20 || c === '\x7f')) {
    throw new InputError('Redis settings must not contain control characters');
  }
  if (value !== '' && /^[^\s"'\\]+$/.test(value)) {
    return value;
  }
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function checkTunables(config: Record<string, string>): void {
  for (const key of Object.keys(config)) {
    if (
      !KEY_PATTERN.test(key) ||
      MANAGED_KEYS.has(key.toLowerCase()) ||
      key.toLowerCase().startsWith('tls-')
    ) {
      throw new InputError(
        `The setting "${key}" is managed by the local driver and cannot be set`,
      );
    }
  }
}

/**
 * The settings a running process can take through CONFIG SET, in the
 * order they are applied. `save` is one value holding every save point.
 */
export function liveSettings(spec: DriverInstanceSpec): LiveSetting[] {
  checkTunables(spec.config);
  const settings: LiveSetting[] = [
    { key: 'maxmemory', value: `${spec.resources.memoryMb}mb` },
    { key: 'maxmemory-policy', value: spec.maxmemoryPolicy },
  ];
  switch (spec.persistence) {
    case 'none':
      settings.push(
        { key: 'appendonly', value: 'no' },
        { key: 'save', value: '' },
      );
      break;
    case 'rdb':
      settings.push(
        { key: 'appendonly', value: 'no' },
        { key: 'save', value: RDB_SAVE_POINTS.join(' ') },
      );
      break;
    case 'aof':
      settings.push(
        { key: 'appendfsync', value: 'everysec' },
        { key: 'appendonly', value: 'yes' },
        { key: 'save', value: '' },
      );
      break;
    default:
      throw new InputError(`Unknown persistence "${spec.persistence}"`);
  }
  for (const [key, value] of Object.entries(spec.config)) {
    settings.push({ key, value });
  }
  return settings;
}

/** Everything redis.conf needs besides the spec. */
export interface RedisConfTarget {
  files: InstanceFiles;
  bindAddress: string;
  port: number;
  /** Present when the node speaks TLS, with where it listens. */
  tls?: NodeTlsPaths & { listeners: NodeListeners };
}

/** Renders the complete redis.conf of an instance. */
export function renderRedisConf(
  spec: DriverInstanceSpec,
  target: RedisConfTarget,
): string {
  const { files } = target;
  const lines = [
    '# Written by the JustManage local driver; edits are overwritten.',
    ...(target.tls
      ? renderTlsLines(target.tls, target.tls.listeners)
      : [`port ${target.port}`]),
    `bind ${quote(target.bindAddress)}`,
    'protected-mode yes',
    // The launcher starts the server in a session of its own, which is what
    // lets it outlive the backend; a second fork would only cost time.
    'daemonize no',
    `dir ${quote(files.dataFolder)}`,
    `pidfile ${quote(files.pidfile)}`,
    `logfile ${quote(files.logfile)}`,
    `aclfile ${quote(files.acl)}`,
  ];
  for (const { key, value } of liveSettings(spec)) {
    if (key === 'save' && value !== '') {
      // One line per save point: older servers accept only pairs per line.
      for (const point of RDB_SAVE_POINTS) lines.push(`save ${point}`);
    } else {
      lines.push(`${key} ${quote(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The lines of a node that speaks TLS: only TLS on its port when required,
 * or plain TCP on its port and TLS on a second one when preferred.
 */
export function renderTlsLines(
  paths: NodeTlsPaths,
  listeners: NodeListeners,
): string[] {
  return [
    `port ${listeners.plainPort}`,
    `tls-port ${listeners.tlsPort}`,
    `tls-cert-file ${quote(paths.certificate)}`,
    `tls-key-file ${quote(paths.privateKey)}`,
    `tls-ca-cert-file ${quote(paths.ca)}`,
    // Clients prove who they are with ACL passwords, not certificates.
    'tls-auth-clients no',
    // Links between nodes move to TLS once clients must.
    `tls-replication ${listeners.plainPort === 0 ? 'yes' : 'no'}`,
  ];
}

/**
 * What CONFIG SET moves a running node's listeners to the ones in its
 * file, in an order that always works: certificates before a TLS port
 * opens, the TLS port before the plain one closes. Each is read first and
 * set only when different, since setting a port rebinds it.
 */
export function listenerSettings(
  tls: (NodeTlsPaths & { listeners: NodeListeners }) | undefined,
  port: number,
): LiveSetting[] {
  if (!tls) {
    return [
      { key: 'tls-port', value: '0', onlyIfDifferent: true },
      { key: 'port', value: String(port), onlyIfDifferent: true },
    ];
  }
  const { listeners } = tls;
  return [
    {
      key: 'tls-cert-file',
      value: tls.certificate,
      with: { key: 'tls-key-file', value: tls.privateKey },
      onlyIfDifferent: true,
    },
    { key: 'tls-ca-cert-file', value: tls.ca, onlyIfDifferent: true },
    { key: 'tls-auth-clients', value: 'no', onlyIfDifferent: true },
    {
      key: 'tls-replication',
      value: listeners.plainPort === 0 ? 'yes' : 'no',
      onlyIfDifferent: true,
    },
    {
      key: 'tls-port',
      value: String(listeners.tlsPort),
      onlyIfDifferent: true,
    },
    { key: 'port', value: String(listeners.plainPort), onlyIfDifferent: true },
  ];
}

/**
 * Makes a running node load the certificate and key in their files again:
 * one CONFIG SET with both, so the server never pairs a new certificate
 * with the old key (it refuses a mismatched pair and keeps the old one).
 */
export function certificateReload(paths: NodeTlsPaths): LiveSetting {
  return {
    key: 'tls-cert-file',
    value: paths.certificate,
    with: { key: 'tls-key-file', value: paths.privateKey },
  };
}
