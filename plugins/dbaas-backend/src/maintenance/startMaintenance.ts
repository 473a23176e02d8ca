import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { InstanceStore } from '../database/InstanceStore';
import { OperationStore } from '../database/OperationStore';
import { MaintenanceJob, MaintenanceJobDeps } from './MaintenanceJob';
import { MaintenanceLog } from './MaintenanceLog';
import { MaintenanceNotifier } from './MaintenanceNotifier';
import { readMaintenanceSettings } from './maintenanceSettings';
import { UpgradePolicyService } from './UpgradePolicyService';
import { UpgradePolicyStore } from './UpgradePolicyStore';

/**
 * Wires upgrade policies: the service the routes use, and the maintenance
 * job as a global scheduled task (one replica runs it at a time).
 */
export async function startMaintenance(deps: {
  config: Config;
  db: Knex;
  logger: LoggerService;
  scheduler: SchedulerService;
  notifications: NotificationService;
  instances: InstanceStore;
  operations: OperationStore;
  planUpgrades: MaintenanceJobDeps['planUpgrades'];
  upgrades: MaintenanceJobDeps['upgrades'];
}): Promise<UpgradePolicyService> {
  const settings = readMaintenanceSettings(deps.config);
  const policies = new UpgradePolicyStore(deps.db);
  const log = new MaintenanceLog(deps.db);
  const clock = () => new Date();
  const job = new MaintenanceJob({
    policies,
    log,
    instances: {
      get: id => deps.instances.get(id),
      list: () => deps.instances.list(),
    },
    operations: deps.operations,
    planUpgrades: deps.planUpgrades,
    upgrades: deps.upgrades,
    notifier: new MaintenanceNotifier(deps.notifications),
    logger: deps.logger,
    clock,
    minimumMinutesLeft: settings.minimumMinutesLeft,
    noticeHours: settings.noticeHours,
  });
  await deps.scheduler.scheduleTask({
    id: 'dbaas-maintenance',
    frequency: { seconds: settings.intervalSeconds },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    scope: 'global',
    fn: () => job.run(),
  });
  return new UpgradePolicyService({
    policies,
    log,
    planUpgrades: deps.planUpgrades,
    upgrades: deps.upgrades,
    clock,
  });
}
