import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Engine } from '@justmanage/plugin-dbaas-common';
import { NomadEngineArtifact, readEngineArtifact } from './engineArtifact';

export interface Range {
  min: number;
  max: number;
}

/** A region users pick, and where its jobs go in Nomad. */
export interface NomadRegion {
  name: string;
  nomadRegion?: string;
  datacenters: string[];
  namespace: string;
}

export interface NomadEngine {
  engine: Engine;
  version: string;
  /** The server binary on the client nodes, or in the unpacked `artifact`. */
  command: string;
  artifact?: NomadEngineArtifact;
}

/** `dbaas.drivers.nomad` with every default filled in. */
export interface NomadDriverSettings {
  address: string;
  token?: string;
  jobPrefix: string;
  regions: NomadRegion[];
  engines: NomadEngine[];
  task: {
    driver: 'raw_exec' | 'exec';
    mhzPerCore: number;
    memoryStepMb: number;
    restart: { attempts: number; intervalMs: number; delayMs: number };
    minHealthyTimeMs: number;
    checkIntervalMs: number;
  };
  limits: { memoryMb: Range; cpu: Range; diskGb: Range };
  maxReplicas: number;
  /** Where snapshots are kept; without it the driver keeps none. */
  snapshotDir?: string;
  /** Where nodes reach the backend to load a restored RDB. */
  restoreFrom?: { host: string; port: number };
  sentinel: { downAfterMs: number; failoverTimeoutMs: number };
  /** How long an update limited to some nodes waits for their new allocations to serve. */
  rolloutTimeoutMs: number;
  requestTimeoutMs: number;
}

const KEY = 'dbaas.drivers.nomad';

function range(
  config: Config | undefined,
  key: string,
  fallback: Range,
): Range {
  const value = {
    min: config?.getOptionalNumber(`${key}.min`) ?? fallback.min,
    max: config?.getOptionalNumber(`${key}.max`) ?? fallback.max,
  };
  if (!(value.min <= value.max)) {
    throw new InputError(
      `${KEY}.limits.${key}: min ${value.min} exceeds max ${value.max}`,
    );
  }
  return value;
}

export function readNomadDriverSettings(root: Config): NomadDriverSettings {
  const config = root.getConfig(KEY);
  const namespace = config.getOptionalString('namespace') ?? 'default';
  const regions = config.getConfigArray('regions').map(r => ({
    name: r.getString('name'),
    nomadRegion: r.getOptionalString('nomadRegion'),
    datacenters: r.getStringArray('datacenters'),
    namespace: r.getOptionalString('namespace') ?? namespace,
  }));
  if (!regions.length)
    throw new InputError(`${KEY}.regions must name at least one region`);
  const engines = config.getConfigArray('engines').map((e, i) => {
    const artifact = readEngineArtifact(e, `${KEY}.engines[${i}]`);
    return {
      engine: e.getString('engine') as Engine,
      version: e.getString('version'),
      command: e.getString('command'),
      ...(artifact ? { artifact } : {}),
    };
  });
  const task = config.getOptionalConfig('task');
  const driver = task?.getOptionalString('driver') ?? 'raw_exec';
  if (driver !== 'raw_exec' && driver !== 'exec') {
    throw new InputError(
      `${KEY}.task.driver must be raw_exec or exec, got ${driver}`,
    );
  }
  const jobPrefix = config.getOptionalString('jobPrefix') ?? 'jm-';
  if (!/^[a-z0-9-]*$/.test(jobPrefix)) {
    throw new InputError(
      `${KEY}.jobPrefix may hold lower-case letters, digits and dashes only`,
    );
  }
  const limits = config.getOptionalConfig('limits');
  return {
    address: config.getString('address'),
    token: config.getOptionalString('token'),
    jobPrefix,
    regions,
    engines,
    task: {
      driver,
      mhzPerCore: task?.getOptionalNumber('mhzPerCore') ?? 1000,
      memoryStepMb: task?.getOptionalNumber('memoryStepMb') ?? 64,
      restart: {
        attempts: task?.getOptionalNumber('restart.attempts') ?? 3,
        intervalMs: task?.getOptionalNumber('restart.intervalMs') ?? 300_000,
        delayMs: task?.getOptionalNumber('restart.delayMs') ?? 5_000,
      },
      minHealthyTimeMs: task?.getOptionalNumber('minHealthyTimeMs') ?? 10_000,
      checkIntervalMs: task?.getOptionalNumber('checkIntervalMs') ?? 5_000,
    },
    limits: {
      memoryMb: range(limits, 'memoryMb', { min: 16, max: 8192 }),
      cpu: range(limits, 'cpu', { min: 0.1, max: 4 }),
      diskGb: range(limits, 'diskGb', { min: 1, max: 50 }),
    },
    maxReplicas: config.getOptionalNumber('maxReplicas') ?? 5,
    snapshotDir: config.getOptionalString('snapshots.dir'),
    restoreFrom: config.has('snapshots.restoreFrom')
      ? {
          host: config.getString('snapshots.restoreFrom.host'),
          port: config.getNumber('snapshots.restoreFrom.port'),
        }
      : undefined,
    sentinel: {
      downAfterMs: config.getOptionalNumber('sentinel.downAfterMs') ?? 5_000,
      failoverTimeoutMs:
        config.getOptionalNumber('sentinel.failoverTimeoutMs') ?? 60_000,
    },
    rolloutTimeoutMs:
      config.getOptionalNumber('rolloutTimeoutMs') ?? 5 * 60_000,
    requestTimeoutMs: config.getOptionalNumber('requestTimeoutMs') ?? 10_000,
  };
}
