import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { DEFAULT_ALERT_RULES, Instance } from '@justmanage/plugin-dbaas-common';
import { Knex } from 'knex';
import { migrateDatabase } from '../database/migrateDatabase';
import { AvailabilityStore } from '../availability/AvailabilityStore';
import { AlertEvaluator, CheckedHealth } from './AlertEvaluator';
import { AlertNotifier } from './AlertNotifier';
import { AlertRuleStore } from './AlertRuleStore';
import { AlertStore } from './AlertStore';

jest.setTimeout(60_000);

const INSTANCE: Instance = {
  id: 'inst-1',
  name: 'shared',
  owner: 'group:default/team-a',
  description: '',
  engine: 'redis',
  version: '7.0.15',
  platform: 'local',
  region: 'local',
  resources: { memoryMb: 64, cpu: 1, diskGb: 1 },
  persistence: 'rdb',
  maxmemoryPolicy: 'noeviction',
  config: {},
  replicas: 0,
  status: 'running',
  endpoints: [],
  createdBy: 'user:default/alice',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const DOWN: CheckedHealth = {
  up: false,
  consecutiveFailures: 2,
  error: 'refused',
};
const UP: CheckedHealth = { up: true, consecutiveFailures: 0 };

/**
 * What reached the notifications service. The one stand-in of this test:
 * it sits at the service boundary, where the real service would POST to
 * the notifications backend, and takes a while like that would.
 */
class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  failNext = 0;

  async send(options: NotificationSendOptions): Promise<void> {
    await new Promise(r => setTimeout(r, Math.random() * 20));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('notifications backend unavailable');
    }
    this.sent.push(options);
  }

  scopes(): string[] {
    return this.sent.map(s => s.payload.scope!);
  }
}

describe('alerts evaluated by several backend replicas at once', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const db: Knex = await databases.init(databaseId);
    await migrateDatabase({ getClient: async () => db });
    await db('dbaas_instances').insert({
      id: INSTANCE.id,
      name: INSTANCE.name,
      owner: INSTANCE.owner,
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      memory_mb: 64,
      cpu: 1,
      disk_gb: 1,
      persistence: 'rdb',
      maxmemory_policy: 'noeviction',
      status: 'running',
      created_by: INSTANCE.createdBy,
      created_at: INSTANCE.createdAt,
      updated_at: INSTANCE.updatedAt,
    });
    const notifications = new RecordingNotifications();
    const clock = { now: Date.now() };
    // each replica with its own objects, sharing only the database
    const replicas = [1, 2, 3].map(
      () =>
        new AlertEvaluator({
          rules: new AlertRuleStore(db, DEFAULT_ALERT_RULES),
          alerts: new AlertStore(db),
          notifier: new AlertNotifier(notifications),
          logger: mockServices.logger.mock(),
          readReplicaLinks: async () => undefined,
          metricMaxAgeMs: 60_000,
          notifyLeaseMs: 60_000,
          now: () => clock.now,
        }),
    );
    const everyReplica = async (health: CheckedHealth, rounds = 4) => {
      for (let round = 0; round < rounds; round++) {
        await Promise.all(replicas.map(r => r.evaluate(INSTANCE, health)));
        clock.now += 1000;
      }
    };
    return { db, notifications, clock, replicas, everyReplica };
  }

  it.each(databases.eachSupportedId())(
    'tells the owner once per incident and once per recovery, on %p',
    async databaseId => {
      const { db, notifications, everyReplica } = await setUp(databaseId);

      await everyReplica(DOWN);
      expect(notifications.sent).toHaveLength(1);
      expect(notifications.sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: 'group:default/team-a' },
        payload: {
          title: 'Redis shared: down for 2 health checks in a row: refused',
        },
      });

      await everyReplica(UP);
      expect(notifications.sent).toHaveLength(2);
      expect(notifications.sent[1].payload.title).toBe(
        'Redis shared: availability back to normal',
      );

      // a second incident is a new alert, told of again
      await everyReplica(DOWN);
      await everyReplica(UP);
      expect(notifications.sent).toHaveLength(4);
      expect(new Set(notifications.scopes()).size).toBe(4);

      const rows = await db('dbaas_alerts').orderBy('started_at');
      expect(rows.map(r => [r.rule, r.state])).toEqual([
        ['down', 'resolved'],
        ['down', 'resolved'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'retries a notification that failed once its lease ran out, with the same scope, on %p',
    async databaseId => {
      const { notifications, clock, replicas } = await setUp(databaseId);
      notifications.failNext = 1;
      await Promise.all(replicas.map(r => r.evaluate(INSTANCE, DOWN)));
      expect(notifications.sent).toHaveLength(0);

      // within the lease nobody tries again
      clock.now += 30_000;
      await Promise.all(replicas.map(r => r.evaluate(INSTANCE, DOWN)));
      expect(notifications.sent).toHaveLength(0);

      clock.now += 31_000;
      await Promise.all(replicas.map(r => r.evaluate(INSTANCE, DOWN)));
      await Promise.all(replicas.map(r => r.evaluate(INSTANCE, DOWN)));
      expect(notifications.sent).toHaveLength(1);
      expect(notifications.scopes()[0]).toMatch(/^dbaas-alert:.+:firing$/);
    },
  );

  it.each(databases.eachSupportedId())(
    'records one incident when replicas record the same checks at once, on %p',
    async databaseId => {
      const { db } = await setUp(databaseId);
      const stores = [1, 2, 3].map(() => new AvailabilityStore(db));
      const t0 = Date.parse('2026-03-01T00:00:00.000Z');
      const at = (s: number) => new Date(t0 + s * 1000).toISOString();
      const checks = [
        { up: true, checkedAt: at(0) },
        { up: false, checkedAt: at(10), error: 'refused' },
        { up: false, checkedAt: at(20) },
        { up: true, checkedAt: at(30) },
      ];
      for (const check of checks) {
        const results = await Promise.all(
          stores.map(s => s.record(INSTANCE.id, check)),
        );
        // exactly one replica's write counts
        expect(results.filter(Boolean)).toHaveLength(1);
      }
      const incidents = await db('dbaas_incidents');
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({
        started_at: at(10),
        ended_at: at(30),
        failed_checks: 2,
        error: 'refused',
      });
      const [state] = await db('dbaas_availability');
      expect(Number(state.checks)).toBe(4);
    },
  );
});
