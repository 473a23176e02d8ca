import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `dbaas.metrics`, with its defaults. */
export interface MetricsSettings {
  enabled: boolean;
  intervalSeconds: number;
  concurrency: number;
  timeoutMs: number;
  rawRetentionMs: number;
  rollupRetentionMs: number;
  prometheusToken?: string;
}

const HOUR_MS = 3_600_000;

function positive(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new InputError(
      `dbaas.metrics.${key} must be a positive number, got ${value}`,
    );
  }
  return value;
}

export function readMetricsSettings(root: Config): MetricsSettings {
  const config = root.getOptionalConfig('dbaas.metrics');
  const token = config?.getOptionalString('prometheus.token');
  if (token !== undefined && token.length < 16) {
    throw new InputError(
      'dbaas.metrics.prometheus.token must be at least 16 characters',
    );
  }
  const settings: MetricsSettings = {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    intervalSeconds: positive(config, 'intervalSeconds', 15),
    concurrency: Math.ceil(positive(config, 'concurrency', 32)),
    timeoutMs: positive(config, 'timeoutMs', 2000),
    rawRetentionMs: positive(config, 'rawRetentionHours', 24) * HOUR_MS,
    rollupRetentionMs:
      positive(config, 'rollupRetentionDays', 30) * 24 * HOUR_MS,
    ...(token ? { prometheusToken: token } : {}),
  };
  if (settings.rollupRetentionMs < settings.rawRetentionMs) {
    throw new InputError(
      'dbaas.metrics.rollupRetentionDays must cover at least rawRetentionHours',
    );
  }
  return settings;
}
