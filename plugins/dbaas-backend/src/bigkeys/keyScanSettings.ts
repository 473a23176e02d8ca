import { Config } from '@backstage/config';

/**
 * How hard a key scan may press on an instance. The defaults were tuned
 * with bench/bigkeys: a million keys in about 3 s on a quiet machine while
 * another client's p99 stays under 4 ms (see docs/big-keys.md).
 */
export interface KeyScanSettings {
  /** COUNT of each SCAN; the keys of one SCAN are inspected in one pipeline. */
  batchSize: number;
  /** Pipelines written before the oldest has been answered. */
  maxInFlight: number;
  /** Pause after each batch, to spread a scan out on a busy instance. */
  pauseMs: number;
  /** Above this PING round trip the scan backs off. */
  latencyLimitMs: number;
  probeIntervalMs: number;
  /** First pause when PING is over the limit; doubled on each further one. */
  backoffMs: number;
  /** Pauses in a row after which the scan stops for good. */
  maxBackoffs: number;
  /** How long a reply may take before the connection counts as broken. */
  timeoutMs: number;
  /** How often progress is saved on the operation. */
  progressIntervalMs: number;
}

export const DEFAULT_KEY_SCAN_SETTINGS: KeyScanSettings = {
  batchSize: 1000,
  maxInFlight: 2,
  pauseMs: 0,
  latencyLimitMs: 10,
  probeIntervalMs: 100,
  backoffMs: 500,
  maxBackoffs: 5,
  timeoutMs: 10_000,
  progressIntervalMs: 1000,
};

/** `dbaas.keyScan` with the defaults filled in. */
export function readKeyScanSettings(config: Config): KeyScanSettings {
  const section = config.getOptionalConfig('dbaas.keyScan');
  const settings = { ...DEFAULT_KEY_SCAN_SETTINGS };
  for (const name of Object.keys(settings) as Array<keyof KeyScanSettings>) {
    const value = section?.getOptionalNumber(name);
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}
