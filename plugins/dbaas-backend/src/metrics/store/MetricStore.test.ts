import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import { Reading } from '../collect/reading';
import { MetricMaintenance } from './MetricMaintenance';
import { MetricStore } from './MetricStore';
import { SeriesReader } from './SeriesReader';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A round hour, so 5-minute buckets and 60 s steps line up with it. */
const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

function instanceRow(id: string) {
  return {
    id,
    name: id,
    owner: 'group:default/a',
    engine: 'redis',
    version: '7.0.15',
    platform: 'local',
    region: 'local',
    memory_mb: 64,
    cpu: 1,
    disk_gb: 1,
    persistence: 'none',
    maxmemory_policy: 'noeviction',
    status: 'running',
    created_by: 'user:default/a',
    created_at: 'x',
    updated_at: 'x',
  };
}

function reading(collectedAt: number, commands: number): Reading {
  return {
    collectedAt,
    runId: 'run-1',
    uptimeSeconds: (collectedAt - T0) / 1000,
    counters: { commands },
    gauges: { memory_used_bytes: commands },
    info: { used_memory: String(commands), role: 'master' },
  };
}

describe('MetricStore, SeriesReader and MetricMaintenance', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'store, aggregate, roll up and expire samples on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      await knex('dbaas_instances').insert([
        instanceRow('i1'),
        instanceRow('i2'),
      ]);
      const store = new MetricStore(knex);
      const series = new SeriesReader(knex);

      // 10 minutes at 15 s: memory_used_bytes 0, 15, 30, ... (one per second)
      for (let s = 0; s < 600; s += 15) {
        const at = T0 + s * 1000;
        await store.write([
          {
            instanceId: 'i1',
            attemptedAt: at,
            reading: reading(at, s),
            values: { memory_used_bytes: s, ops_per_sec: 1 },
          },
          {
            instanceId: 'i2',
            attemptedAt: at,
            reading: reading(at, 7),
            values: { memory_used_bytes: 7 },
          },
        ]);
      }

      const raw = await series.read({
        instanceId: 'i1',
        metrics: ['memory_used_bytes', 'ops_per_sec', 'hit_ratio'],
        fromMs: T0,
        toMs: T0 + 10 * 60_000,
        stepMs: 60_000,
        resolution: 'raw',
      });
      const memory = raw.find(s => s.metric === 'memory_used_bytes')!.points;
      expect(memory).toHaveLength(10);
      expect(memory[0]).toEqual({
        time: new Date(T0).toISOString(),
        min: 0,
        avg: 22.5,
        max: 45,
      });
      expect(memory[9]).toMatchObject({ min: 540, max: 585 });
      expect(
        raw
          .find(s => s.metric === 'ops_per_sec')!
          .points.every(p => p.avg === 1),
      ).toBe(true);
      // a metric never measured has no points, rather than zeros
      expect(raw.find(s => s.metric === 'hit_ratio')!.points).toEqual([]);

      const maintenance = new MetricMaintenance(knex, {
        rawRetentionMs: DAY,
        rollupRetentionMs: 30 * DAY,
      });
      // two whole buckets have ended more than a minute before
      expect(await maintenance.rollUp(T0 + 11 * 60_000)).toBeGreaterThan(0);
      const rolled = await series.read({
        instanceId: 'i1',
        metrics: ['memory_used_bytes'],
        fromMs: T0,
        toMs: T0 + HOUR,
        stepMs: 5 * 60_000,
        resolution: 'rollup',
      });
      expect(rolled[0].points).toEqual([
        { time: new Date(T0).toISOString(), min: 0, avg: 142.5, max: 285 },
        {
          time: new Date(T0 + 300_000).toISOString(),
          min: 300,
          avg: 442.5,
          max: 585,
        },
      ]);
      // rolling up again changes nothing
      await maintenance.rollUp(T0 + 11 * 60_000);
      const [{ n }] = await knex('dbaas_metric_rollups').count({ n: '*' });
      expect(Number(n)).toBe(4);

      // a failed collection keeps the last good counters for the next rate
      await store.write([
        {
          instanceId: 'i1',
          attemptedAt: T0 + 700_000,
          error: 'connect ECONNREFUSED',
        },
      ]);
      const states = await store.counterStates();
      expect(states.get('i1')).toMatchObject({
        collectedAt: T0 + 585_000,
        counters: { commands: 585 },
      });
      expect(
        (await store.exportedReadings()).find(r => r.instanceId === 'i1'),
      ).toMatchObject({ up: false });
      expect(await store.latest('i2')).toEqual({
        instanceId: 'i2',
        collectedAt: new Date(T0 + 585_000).toISOString(),
        values: { memory_used_bytes: 7 },
      });
      expect(
        (await store.latestMany(['i1', 'i2', 'nope']))
          .map(s => s.instanceId)
          .sort(),
      ).toEqual(['i1', 'i2']);

      // a day later the raw samples go, the rollups stay; a deleted instance's reading goes
      await knex('dbaas_instances').where({ id: 'i2' }).delete();
      await maintenance.applyRetention(T0 + DAY + HOUR);
      expect(
        Number((await knex('dbaas_metric_samples').count({ n: '*' }))[0].n),
      ).toBe(0);
      expect(
        Number((await knex('dbaas_metric_rollups').count({ n: '*' }))[0].n),
      ).toBe(4);
      expect(await store.latest('i2')).toBeUndefined();
      await maintenance.applyRetention(T0 + 31 * DAY);
      expect(
        Number((await knex('dbaas_metric_rollups').count({ n: '*' }))[0].n),
      ).toBe(0);
    },
  );
});
