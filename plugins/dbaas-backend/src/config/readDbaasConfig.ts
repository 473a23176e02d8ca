import { Config } from '@backstage/config';

/** The `dbaas` settings the core needs, with their defaults. */
export interface DbaasSettings {
  leaseMs: number;
  pollIntervalMs: number;
  maxStepAttempts: number;
  readyTimeoutMs: number;
  concurrency: number;
  healthIntervalSeconds: number;
}

export function readDbaasConfig(config: Config): DbaasSettings {
  const ops = config.getOptionalConfig('dbaas.operations');
  return {
    leaseMs: ops?.getOptionalNumber('leaseMs') ?? 10_000,
    pollIntervalMs: ops?.getOptionalNumber('pollIntervalMs') ?? 500,
    maxStepAttempts: ops?.getOptionalNumber('maxStepAttempts') ?? 3,
    readyTimeoutMs: ops?.getOptionalNumber('readyTimeoutMs') ?? 120_000,
    concurrency: ops?.getOptionalNumber('concurrency') ?? 16,
    healthIntervalSeconds:
      config.getOptionalNumber('dbaas.healthCheck.intervalSeconds') ?? 10,
  };
}
