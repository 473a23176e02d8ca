import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  AlertRules,
  AlertRulesPatch,
  DEFAULT_ALERT_RULES,
  mergeAlertRules,
  validateAlertRulesPatch,
} from '@justmanage/plugin-dbaas-common';

/** `dbaas.alerts` and `dbaas.availability`, with their defaults. */
export interface MonitoringSettings {
  defaults: AlertRules;
  metricMaxAgeMs: number;
  notifyLeaseMs: number;
  /** Ended incidents and resolved alerts are kept this long. */
  retentionDays: number;
}

export function readMonitoringConfig(config: Config): MonitoringSettings {
  const alerts = config.getOptionalConfig('dbaas.alerts');
  const patch = (alerts?.getOptional('defaults') ?? {}) as AlertRulesPatch;
  const [problem] = validateAlertRulesPatch(patch);
  if (problem) {
    throw new InputError(
      `dbaas.alerts.defaults.${problem.field} ${problem.message}`,
    );
  }
  const retentionDays =
    config.getOptionalNumber('dbaas.availability.retentionDays') ?? 30;
  if (!(retentionDays >= 7)) {
    throw new InputError(
      'dbaas.availability.retentionDays must be at least 7, the longest uptime window',
    );
  }
  // Three collector rounds: one late or failed round must not stall CPU and
  // eviction alerts, but a collector that stopped must.
  const collectorSeconds =
    config.getOptionalNumber('dbaas.metrics.intervalSeconds') ?? 15;
  return {
    defaults: mergeAlertRules(DEFAULT_ALERT_RULES, patch),
    metricMaxAgeMs:
      (alerts?.getOptionalNumber('metricMaxAgeSeconds') ??
        Math.max(60, 3 * collectorSeconds)) * 1000,
    notifyLeaseMs:
      (alerts?.getOptionalNumber('notifyRetrySeconds') ?? 60) * 1000,
    retentionDays,
  };
}
