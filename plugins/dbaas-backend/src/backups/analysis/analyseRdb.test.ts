import { Readable } from 'node:stream';
import { RespConnection } from '../../bigkeys/resp/RespConnection';
import { parseBiggest, redisCli } from '../../bigkeys/__testUtils__/redisCli';
import { seedMixedKeyspace } from '../../bigkeys/__testUtils__/seedKeyspace';
import {
  INSTALLED_ENGINES,
  EngineServer,
  startEngineServer,
} from '../rdb/__testUtils__/engineServer';
import { analyseRdb, RdbAnalysis } from './analyseRdb';
import { respMemoryUsage } from './respMemoryUsage';

const DATABASES = [0, 1];
const RDB_VERSIONS: Record<string, number> = {
  'redis 6.0.16': 9,
  'redis 7.0.15': 10,
  'valkey 8.0.1': 11,
};

/** Calls of each command the server ran, from INFO commandstats. */
async function commandCalls(
  server: EngineServer,
): Promise<Map<string, number>> {
  const info = await server.redis.info('commandstats');
  return new Map(
    [...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map(([, c, n]) => [
      c,
      Number(n),
    ]),
  );
}

describe.each(
  INSTALLED_ENGINES.map((engine, i) => [engine.name, engine, i] as const),
)(
  'analyseRdb on a backup of a mixed keyspace written by %s',
  (name, engine, index) => {
    const PORT = 19760 + index;
    // Subcommands have their own counters from 7.0 on.
    const sub = (command: string, subcommand: string) =>
      name === 'redis 6.0.16' ? command : `${command}|${subcommand}`;
    let server: EngineServer;
    let seeded: number;
    let report: RdbAnalysis;
    let memkeys: Array<{ db: number; type: string; key: string; size: number }>;
    let ranDuringAnalysis: Map<string, number>;

    beforeAll(async () => {
      server = await startEngineServer(engine, PORT);
      seeded = await seedMixedKeyspace(server.redis);
      await server.redis.set('ttl:soon', 'x', 'EX', 600);
      await server.redis.set('ttl:week', 'x', 'EX', 5 * 86_400);
      seeded += 2;
      const file = await server.save();
      const login = {
        host: '127.0.0.1',
        port: PORT,
        username: 'default',
        password: 'unused',
      };
      memkeys = [];
      for (const db of DATABASES) {
        const out = await redisCli(login, ['-n', String(db), '--memkeys']);
        memkeys.push(...parseBiggest(out).map(b => ({ db, ...b })));
      }
      await server.redis.config('RESETSTAT');
      const connection = await RespConnection.open(
        { host: '127.0.0.1', port: PORT, tls: false },
        { username: 'default', password: 'unused' },
        10_000,
      );
      try {
        report = await analyseRdb(Readable.from([file]), {
          topN: 10,
          separator: ':',
          memoryUsage: respMemoryUsage(connection),
        });
      } finally {
        connection.close();
      }
      ranDuringAnalysis = await commandCalls(server);
    }, 60_000);
    afterAll(() => server?.stop());

    it('counts every key of both databases from the file', () => {
      expect(report.keys).toBe(seeded);
      expect(report.databases.map(d => d.db)).toEqual(DATABASES);
      expect(report.rdbVersion).toBe(RDB_VERSIONS[name]);
      expect(report.engineVersion).toBe(name.split(' ')[1]);
    });

    it('returns as its top 10 by memory the ten biggest keys --memkeys names, with their sizes', () => {
      const top10 = [...memkeys].sort((a, b) => b.size - a.size).slice(0, 10);
      expect(new Set(top10.map(k => k.size)).size).toBe(10);
      expect(
        report.topByMemory.map(k => [k.db, k.key, k.type, k.memoryBytes]),
      ).toEqual(top10.map(k => [k.db, k.key, k.type, k.size]));
    });

    it('names the biggest key of each type as --memkeys does', () => {
      for (const type of ['string', 'hash', 'list', 'set', 'zset']) {
        const biggest = memkeys
          .filter(k => k.type === type)
          .sort((a, b) => b.size - a.size)[0];
        expect(report.types.find(t => t.type === type)!.biggest).toMatchObject({
          db: biggest.db,
          key: biggest.key,
          memoryBytes: biggest.size,
        });
      }
    });

    it('asked the live server MEMORY USAGE for a few candidates only, nothing per key', () => {
      expect(report.memoryUsageAsked).toBeLessThanOrEqual(
        4 * 10 * report.types.length,
      );
      expect(report.memoryUsageAsked).toBeLessThan(report.keys / 10);
      const ran = Object.fromEntries(ranDuringAnalysis);
      expect(ran).toEqual({
        [sub('memory', 'usage')]: report.memoryUsageAsked,
        [sub('config', 'resetstat')]: 1,
        select: expect.any(Number),
        auth: 1,
      });
    });

    it('lists the most numerous elements per type, pattern groups and the expiry histogram', () => {
      const lists = report.topByElements.find(t => t.type === 'list')!.keys;
      expect(lists[0]).toMatchObject({
        db: 1,
        key: 'big:list:1',
        elements: 1807,
      });
      const totals = report.types.find(t => t.type === 'stream')!;
      expect(totals).toMatchObject({ keys: 45, elements: 45 });
      expect(report.patterns.find(p => p.pattern === 'cache:*')).toMatchObject({
        keys: 2250,
      });
      const expiry = Object.fromEntries(
        report.expiry.map(b => [b.label, b.keys]),
      );
      expect(expiry).toMatchObject({
        'no TTL': seeded - 2,
        'within 1 hour': 1,
        'within 7 days': 1,
        'expired at backup': 0,
      });
    });
  },
);
