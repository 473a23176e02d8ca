import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { resolve as resolvePath } from 'node:path';

/** A closed numeric interval, used for ports and resource limits. */
export interface Range {
  min: number;
  max: number;
}

/** The local driver's settings, with every default filled in. */
export interface LocalDriverSettings {
  dataDir: string;
  /** `ports`: one address, a port per node. `loopback`: one port, an address per node. */
  addressing: 'ports' | 'loopback';
  /** With `addressing: loopback`: the network addresses come from, and the port of every node. */
  loopback: { network: string; port: number };
  bindAddress: string;
  advertisedHost: string;
  portRange: { start: number; end: number };
  regions: string[];
  /** Binaries named in config, tried before the ones found on PATH. */
  binaryPaths: string[];
  /**
   * Engine folders (or folders of them) to take server binaries from, after
   * `binaryPaths` and before PATH; see scripts/install-engines.sh.
   */
  engineDirs: string[];
  limits: { memoryMb: Range; cpu: Range; diskGb: Range };
  supervisor: { intervalMs: number; maxBackoffMs: number };
  /** Sentinel timing of replicated instances. */
  sentinel: { downAfterMs: number; failoverTimeoutMs: number };
}

/**
 * The port of the machine's own Redis (at 127.0.0.1). The driver must never
 * bind, probe or signal anything there, whatever the configured range says;
 * with `addressing: loopback` nodes use this port on other addresses, as
 * Redis does everywhere else.
 */
export const RESERVED_PORT = 6379;

/** Where scripts/install-engines.sh puts the extra engine builds. */
export const DEFAULT_ENGINES_DIR = '/opt/justmanage/engines';

function readRange(
  config: Config | undefined,
  fallback: Range,
  key: string,
): Range {
  const range = {
    min: config?.getOptionalNumber('min') ?? fallback.min,
    max: config?.getOptionalNumber('max') ?? fallback.max,
  };
  if (!(range.min <= range.max)) {
    throw new InputError(
      `dbaas.drivers.local.limits.${key}: min ${range.min} exceeds max ${range.max}`,
    );
  }
  return range;
}

/**
 * The address the backend itself uses to reach servers: a wildcard bind
 * address is not something to connect to.
 */
export function connectHostFor(bindAddress: string): string {
  if (bindAddress === '0.0.0.0' || bindAddress === '') return '127.0.0.1';
  if (bindAddress === '::') return '::1';
  return bindAddress;
}

/**
 * Reads `dbaas.drivers.local`. Every key is optional so that a fresh
 * checkout runs instances without any configuration.
 */
export function readLocalDriverSettings(root: Config): LocalDriverSettings {
  const config = root.getOptionalConfig('dbaas.drivers.local');
  const bindAddress = config?.getOptionalString('bindAddress') ?? '127.0.0.1';
  const portRange = {
    start: config?.getOptionalNumber('portRange.start') ?? 16400,
    end: config?.getOptionalNumber('portRange.end') ?? 16999,
  };
  if (
    !Number.isInteger(portRange.start) ||
    !Number.isInteger(portRange.end) ||
    portRange.start < 1024 ||
    portRange.end > 65535 ||
    portRange.start > portRange.end
  ) {
    throw new InputError(
      `dbaas.drivers.local.portRange must be whole numbers within 1024..65535 with start <= end, got ${portRange.start}..${portRange.end}`,
    );
  }
  const supervisor = {
    intervalMs: config?.getOptionalNumber('supervisor.intervalMs') ?? 1000,
    maxBackoffMs: config?.getOptionalNumber('supervisor.maxBackoffMs') ?? 30000,
  };
  if (!(supervisor.intervalMs > 0 && supervisor.maxBackoffMs > 0)) {
    throw new InputError(
      'dbaas.drivers.local.supervisor.intervalMs and maxBackoffMs must be positive',
    );
  }
  const sentinel = {
    downAfterMs: config?.getOptionalNumber('sentinel.downAfterMs') ?? 5000,
    failoverTimeoutMs:
      config?.getOptionalNumber('sentinel.failoverTimeoutMs') ?? 30000,
  };
  if (
    !Number.isInteger(sentinel.downAfterMs) ||
    !Number.isInteger(sentinel.failoverTimeoutMs) ||
    sentinel.downAfterMs < 100 ||
    sentinel.failoverTimeoutMs < 1000
  ) {
    throw new InputError(
      'dbaas.drivers.local.sentinel.downAfterMs must be a whole number >= 100 and failoverTimeoutMs one >= 1000',
    );
  }
  const addressing = config?.getOptionalString('addressing') ?? 'ports';
  if (addressing !== 'ports' && addressing !== 'loopback') {
    throw new InputError(
      `dbaas.drivers.local.addressing must be 'ports' or 'loopback', got '${addressing}'`,
    );
  }
  const loopback = {
    network: config?.getOptionalString('loopback.network') ?? '127.0.77.0/24',
    port: config?.getOptionalNumber('loopback.port') ?? RESERVED_PORT,
  };
  if (
    !Number.isInteger(loopback.port) ||
    loopback.port < 1024 ||
    loopback.port > 65535
  ) {
    throw new InputError(
      `dbaas.drivers.local.loopback.port must be a whole number within 1024..65535, got ${loopback.port}`,
    );
  }
  const limits = config?.getOptionalConfig('limits');
  return {
    dataDir: resolvePath(
      config?.getOptionalString('dataDir') ??
        resolvePath(process.cwd(), 'var', 'dbaas', 'local'),
    ),
    addressing,
    loopback,
    bindAddress,
    advertisedHost:
      config?.getOptionalString('advertisedHost') ??
      connectHostFor(bindAddress),
    portRange,
    regions: config?.getOptionalStringArray('regions') ?? ['local'],
    binaryPaths: (config?.getOptionalConfigArray('binaries') ?? []).map(b =>
      resolvePath(b.getString('path')),
    ),
    engineDirs: (
      config?.getOptionalStringArray('engineDirs') ?? [DEFAULT_ENGINES_DIR]
    ).map(dir => resolvePath(dir)),
    limits: {
      memoryMb: readRange(
        limits?.getOptionalConfig('memoryMb'),
        { min: 16, max: 4096 },
        'memoryMb',
      ),
      cpu: readRange(
        limits?.getOptionalConfig('cpu'),
        { min: 0.1, max: 2 },
        'cpu',
      ),
      diskGb: readRange(
        limits?.getOptionalConfig('diskGb'),
        { min: 1, max: 20 },
        'diskGb',
      ),
    },
    supervisor,
    sentinel,
  };
}
