import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Instance, InstanceHealth } from '@justmanage/plugin-dbaas-common';
import { Knex } from 'knex';
import { AlertEvaluator, LatestMetrics } from '../alerts/AlertEvaluator';
import { AlertNotifier } from '../alerts/AlertNotifier';
import { AlertRuleStore } from '../alerts/AlertRuleStore';
import { AlertStore } from '../alerts/AlertStore';
import { readMonitoringConfig } from '../alerts/readAlertsConfig';
import { replicaLinkReader } from '../alerts/readReplicaLinks';
import { CredentialStore } from '../database/CredentialStore';
import { RedisAdmin } from '../redis/RedisAdmin';
import { AvailabilityReader } from './AvailabilityReader';
import { AvailabilityStore } from './AvailabilityStore';

const DAY_MS = 86_400_000;

/** Availability history and alerts, wired for the plugin. */
export interface Monitoring {
  availability: AvailabilityReader;
  alerts: AlertStore;
  alertRules: AlertRuleStore;
  /** Call after every health check of an instance. */
  onHealthChecked(instance: Instance, check: InstanceHealth): Promise<void>;
  /** Keeps the history tables bounded; run daily. */
  purge(): Promise<void>;
}

export function createMonitoring(deps: {
  db: Knex;
  config: Config;
  logger: LoggerService;
  admin: RedisAdmin;
  credentials: CredentialStore;
  notifications: NotificationService;
  metrics?: LatestMetrics;
}): Monitoring {
  const settings = readMonitoringConfig(deps.config);
  const store = new AvailabilityStore(deps.db);
  const alerts = new AlertStore(deps.db);
  const alertRules = new AlertRuleStore(deps.db, settings.defaults);
  const evaluator = new AlertEvaluator({
    rules: alertRules,
    alerts,
    notifier: new AlertNotifier(deps.notifications),
    logger: deps.logger,
    metrics: deps.metrics,
    readReplicaLinks: replicaLinkReader(deps.admin, deps.credentials),
    metricMaxAgeMs: settings.metricMaxAgeMs,
    notifyLeaseMs: settings.notifyLeaseMs,
  });
  return {
    availability: new AvailabilityReader({
      store,
      firingAlerts: () => alerts.firingCounts(),
    }),
    alerts,
    alertRules,
    async onHealthChecked(instance, check) {
      const state = await store.record(instance.id, check);
      // an out-of-order check: a newer one was judged already
      if (!state) return;
      await evaluator.evaluate(instance, {
        up: state.up,
        consecutiveFailures: state.consecutiveFailures,
        error: check.error,
        usedMemoryBytes: check.usedMemoryBytes,
      });
    },
    async purge() {
      const before = new Date(
        Date.now() - settings.retentionDays * DAY_MS,
      ).toISOString();
      const incidents = await store.purge(before);
      const resolved = await alerts.purge(before);
      await alertRules.purge();
      deps.logger.info(
        `Availability retention removed ${incidents} incidents and ${resolved} alerts older than ${settings.retentionDays} days`,
      );
    },
  };
}
