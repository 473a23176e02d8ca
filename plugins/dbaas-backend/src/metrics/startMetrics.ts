import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { InstanceStore } from '../database/InstanceStore';
import { CredentialStore } from '../database/CredentialStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { AdminSessionPool } from '../redis/AdminSessionPool';
import { RedisAdmin } from '../redis/RedisAdmin';
import { MetricsCollector } from './collect/MetricsCollector';
import { LiveInspector } from './live/LiveInspector';
import { MetricsSettings, readMetricsSettings } from './metricsSettings';
import { MetricMaintenance } from './store/MetricMaintenance';
import { MetricStore } from './store/MetricStore';
import { SeriesReader } from './store/SeriesReader';

/** Task ids, for tests that trigger them. */
export const METRICS_COLLECT_TASK = 'dbaas-metrics-collect';
export const METRICS_MAINTENANCE_TASK = 'dbaas-metrics-maintenance';

export interface MetricsDeps {
  config: Config;
  db: Knex;
  instances: InstanceStore;
  credentials: CredentialStore;
  drivers: DriverRegistry;
  admin: RedisAdmin;
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Shared with the health check; see redis/startMonitorSessions.ts. */
  sessions: AdminSessionPool;
}

/** What the routes and other features (alerts) use. */
export interface Metrics {
  store: MetricStore;
  series: SeriesReader;
  live: LiveInspector;
  settings: MetricsSettings;
}

/**
 * Schedules the collector and the rollup/retention job, both with global
 * scope: with several backend replicas one of them runs each round.
 */
export async function startMetrics(deps: MetricsDeps): Promise<Metrics> {
  const settings = readMetricsSettings(deps.config);
  const store = new MetricStore(deps.db);
  const metrics: Metrics = {
    store,
    series: new SeriesReader(deps.db),
    live: new LiveInspector(deps.admin, deps.credentials),
    settings,
  };
  if (!settings.enabled) return metrics;

  const logger = deps.logger.child({ task: METRICS_COLLECT_TASK });
  const collector = new MetricsCollector({
    instances: deps.instances,
    credentials: deps.credentials,
    drivers: deps.drivers,
    store,
    sessions: deps.sessions,
    logger,
    intervalSeconds: settings.intervalSeconds,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs,
  });
  const maintenance = new MetricMaintenance(deps.db, {
    rawRetentionMs: settings.rawRetentionMs,
    rollupRetentionMs: settings.rollupRetentionMs,
  });

  await deps.scheduler.scheduleTask({
    id: METRICS_COLLECT_TASK,
    frequency: { seconds: settings.intervalSeconds },
    timeout: { seconds: Math.max(60, settings.intervalSeconds * 4) },
    scope: 'global',
    fn: async () => {
      const round = await collector.collectAll();
      logger.debug(
        `Collected metrics of ${round.collected} of ${round.instances} instances in ${round.durationMs} ms (${round.failed} unreachable)`,
      );
    },
  });
  await deps.scheduler.scheduleTask({
    id: METRICS_MAINTENANCE_TASK,
    frequency: { minutes: 5 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      await maintenance.run();
    },
  });
  return metrics;
}
