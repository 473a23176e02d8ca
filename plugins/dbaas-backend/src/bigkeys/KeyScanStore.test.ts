import { TestDatabases } from '@backstage/backend-test-utils';
import { KeyScanReport } from '@justmanage/plugin-dbaas-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { deleteKeyScans, KeyScanStore } from './KeyScanStore';

jest.setTimeout(60_000);

function report(instanceId: string, n: number): KeyScanReport {
  const at = new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString();
  return {
    instanceId,
    operationId: `${instanceId}-op-${n}`,
    startedAt: at,
    finishedAt: at,
    durationMs: 1000,
    topN: 10,
    separator: ':',
    keysScanned: n,
    memoryBytes: 100 * n,
    databases: [{ db: 0, keys: n }],
    topByMemory: [
      { db: 0, key: `user:${n}`, type: 'hash', memoryBytes: 100, elements: 2 },
    ],
    topByElements: [],
    types: [],
    patterns: [],
    otherPatterns: { groups: 0, keys: 0, memoryBytes: 0 },
    latency: {
      baselineMs: 0.1,
      limitMs: 10,
      p99Ms: 0.5,
      maxMs: 1,
      backoffs: 0,
    },
  };
}

describe('KeyScanStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'serves the newest report, keeps ten per instance and forgets a deleted instance on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase({ getClient: async () => knex });
      const store = new KeyScanStore(knex);
      expect(await store.latest('a')).toBeUndefined();

      for (let n = 1; n <= 12; n++) await store.save(report('a', n));
      await store.save(report('b', 1));
      expect(await store.latest('a')).toEqual(report('a', 12));
      const kept = await knex('dbaas_key_scans')
        .where({ instance_id: 'a' })
        .orderBy('finished_at')
        .pluck('operation_id');
      expect(kept).toEqual(
        Array.from({ length: 10 }, (_, i) => `a-op-${i + 3}`),
      );

      // a retried step saves its operation's report again: replaced, not added
      await store.save({ ...report('a', 12), keysScanned: 99 });
      expect((await store.latest('a'))?.keysScanned).toBe(99);
      const [{ n }] = await knex('dbaas_key_scans')
        .where({ instance_id: 'a' })
        .count({ n: '*' });
      expect(Number(n)).toBe(10);

      await deleteKeyScans(knex, 'a');
      expect(await store.latest('a')).toBeUndefined();
      expect(await store.latest('b')).toEqual(report('b', 1));
    },
  );
});
