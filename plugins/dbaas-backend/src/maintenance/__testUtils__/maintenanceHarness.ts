import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { Knex } from 'knex';
import { EventStore } from '../../database/EventStore';
import { InstanceStore } from '../../database/InstanceStore';
import { migrateDatabase } from '../../database/migrateDatabase';
import { OperationStore } from '../../database/OperationStore';
import { DriverRegistry } from '../../drivers/DriverRegistry';
import { UpgradeService } from '../../upgrades/UpgradeService';
import { rdbVersionLookup } from '../../upgrades/rdbVersions';
import { upgradeInstanceHandler } from '../../upgrades/upgradeHandler';
import { OperationRegistry } from '../../operations/OperationRegistry';
import { OperationQueue } from '../../operations/OperationQueue';
import { planUpgrades, PlanUpgradesOptions } from '../../versions/planUpgrades';
import { loadShippedCatalog } from '../../versions/shippedCatalog';
import { MaintenanceJob } from '../MaintenanceJob';
import { MaintenanceLog } from '../MaintenanceLog';
import { MaintenanceNotifier } from '../MaintenanceNotifier';
import { policyChangeOf } from '../policyChange';
import { UpgradePolicyService } from '../UpgradePolicyService';
import { UpgradePolicyStore } from '../UpgradePolicyStore';

const catalog = loadShippedCatalog();

/** Notifications as the notifications backend would receive them. */
export class SentNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  async send(options: NotificationSendOptions): Promise<void> {
    this.sent.push(options);
  }
  titles(): string[] {
    return this.sent.map(n => n.payload.title);
  }
}

export function instanceRecord(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'i-1',
    name: 'sessions',
    owner: 'group:default/team-a',
    description: '',
    engine: 'redis',
    version: '7.0.15+deb12u7',
    platform: 'local',
    region: 'local',
    resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
    persistence: 'rdb',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 0,
    status: 'running',
    endpoints: [],
    createdBy: 'user:default/alice',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * The maintenance job on a real database with the real stores, the real
 * planner over the shipped catalog and the real UpgradeService (operations
 * are created; no worker runs them, the test finishes them as a worker
 * would). The clock is whatever the test sets.
 */
export async function maintenanceHarness(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  options: {
    /** The versions the platform runs. */
    platform?: PlanUpgradesOptions['platform'];
    minimumMinutesLeft?: number;
  } = {},
) {
  const knex: Knex = await databases.init(databaseId);
  const db = await migrateDatabase({ getClient: async () => knex });
  const instances = new InstanceStore(db);
  const operations = new OperationStore(db);
  const platform = options.platform ?? {
    engines: [
      { engine: 'redis', versions: ['7.0.15+deb12u7', '7.0.15+deb12u10'] },
    ],
  };
  const plan = async (instance: Instance) =>
    planUpgrades(instance, { catalog, platform });
  const registry = new OperationRegistry().register(upgradeInstanceHandler);
  const upgrades = new UpgradeService({
    queue: new OperationQueue({
      db,
      instances,
      operations,
      events: new EventStore(db),
      registry,
      onOperationCreated: () => {},
    }),
    drivers: new DriverRegistry(),
    planUpgrades: plan,
    rdbVersionOf: rdbVersionLookup(),
  });
  const notifications = new SentNotifications();
  const policies = new UpgradePolicyStore(db);
  const log = new MaintenanceLog(db);
  const clock = { now: new Date('2026-12-01T00:00:00Z') };
  /** A job as one backend replica runs it: its own stores on the shared database. */
  const replica = () =>
    new MaintenanceJob({
      policies: new UpgradePolicyStore(db),
      log: new MaintenanceLog(db),
      instances: new InstanceStore(db),
      operations: new OperationStore(db),
      planUpgrades: plan,
      upgrades,
      notifier: new MaintenanceNotifier(notifications),
      logger: mockServices.logger.mock(),
      clock: () => clock.now,
      minimumMinutesLeft: options.minimumMinutesLeft ?? 15,
      noticeHours: 24,
    });
  const job = replica();
  const service = new UpgradePolicyService({
    policies,
    log,
    planUpgrades: plan,
    upgrades,
    clock: () => clock.now,
  });

  return {
    db,
    clock,
    job,
    replica,
    service,
    log,
    notifications,
    plan,
    async addInstance(overrides: Partial<Instance> = {}) {
      const instance = instanceRecord(overrides);
      await instances.insert(instance);
      return instance;
    },
    async setPolicy(instanceId: string, body: unknown) {
      await policies.put(
        instanceId,
        policyChangeOf(body),
        'user:default/alice',
      );
    },
    async operationsOf(instanceId: string) {
      return operations.listForInstance(instanceId);
    },
    /** Ends an operation as the worker would, with the instance's status and version. */
    async finish(operationId: string, status: 'succeeded' | 'failed') {
      const claimed = await operations.claimNext('test-worker', 60_000);
      if (claimed?.id !== operationId) {
        throw new Error(`Expected to run ${operationId}, got ${claimed?.id}`);
      }
      await operations.finish(
        operationId,
        'test-worker',
        status,
        status === 'failed' ? 'the new server did not start' : undefined,
      );
      const op = await operations.get(operationId);
      const instance = await instances.get(op!.instanceId);
      const to = (op!.params as { to: { version: string } }).to;
      await instances.update({
        ...instance!,
        version: status === 'succeeded' ? to.version : instance!.version,
      });
      await instances.setStatus(instance!.id, 'running');
    },
    async decisionsOf(instanceId: string) {
      return (await log.decisions(instanceId)).reverse();
    },
  };
}
