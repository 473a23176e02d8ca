import knexFactory from 'knex';
import { mkdtempSync } from 'node:fs';
import { ALICE, startDbaasTestBackend, validCreateBody } from '../__testUtils__/startDbaasTestBackend';
import { AdminSessionPool } from '../redis/AdminSessionPool';
import { LocalStatsReader } from '../drivers/local/stats';
import { instanceFiles } from '../drivers/local/instanceFiles';
import { parseInfo } from './info/parseInfo';
import { readingOf } from './collect/readingOf';
import { deriveValues } from './collect/deriveValues';
import { MetricStore } from './store/MetricStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { tuneSqlite } from '../database/tuneSqlite';
jest.setTimeout(300_000);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
it('profiles', async () => {
  const backend = await startDbaasTestBackend({ portRange: { start: 18730, end: 18749 } });
  const dir = mkdtempSync('/tmp/h3-sq-');
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: `${dir}/db.sqlite` }, useNullAsDefault: true });
  await tuneSqlite(knex);
  await migrateDatabase({ getClient: async () => knex } as any);
  const store = new MetricStore(knex);
  const sessions = new AdminSessionPool({ idleMs: 60000 });
  const stats = new LocalStatsReader(id => instanceFiles(backend.dataDir, id));
  const targets: any[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      const c = await backend.api.post('/api/dbaas/instances').set(backend.as(ALICE)).send(validCreateBody({ name: `p${i}`, persistence: 'none', config: { hz: '1' } }));
      await backend.waitForOperation(c.body.operation.id);
      const conn = (await backend.api.get(`/api/dbaas/instances/${c.body.instance.id}/connection`).set(backend.as(ALICE))).body;
      targets.push({ id: c.body.instance.id, ep: { role: 'primary', host: conn.host, port: conn.port, tls: false }, login: { username: conn.username, password: conn.password } });
    }
    const totals = { info: 0, stats: 0, reading: 0, write: 0, states: 0 };
    const ROUNDS = 60;
    for (let r = 0; r < ROUNDS + 10; r++) {
      const t0 = cpu();
      const states = await store.counterStates();
      const t1 = cpu();
      const texts = await Promise.all(targets.map(t => sessions.run(t.id, t.ep, async () => t.login, redis => redis.info('all'))));
      const t2 = cpu();
      const st = targets.map(t => stats.read(t.id));
      const t3 = cpu();
      const now = Date.now();
      const results = targets.map((t, i) => { const reading = readingOf(parseInfo(texts[i]), st[i], t.ep.port, now); return { instanceId: t.id, attemptedAt: now, reading, values: deriveValues(reading, states.get(t.id), 1e9) }; });
      const t4 = cpu();
      await store.write(results);
      const t5 = cpu();
      if (r >= 10) { totals.states += t1 - t0; totals.info += t2 - t1; totals.stats += t3 - t2; totals.reading += t4 - t3; totals.write += t5 - t4; }
      await new Promise(res => setTimeout(res, 20));
    }
    const per = (v: number) => ((v / ROUNDS / targets.length) * 1000).toFixed(0);
    console.log(`per instance (us): states ${per(totals.states)} info ${per(totals.info)} stats ${per(totals.stats)} reading ${per(totals.reading)} write ${per(totals.write)}`);
  } finally { sessions.closeAll(); await knex.destroy(); await backend.stop(); }
});
