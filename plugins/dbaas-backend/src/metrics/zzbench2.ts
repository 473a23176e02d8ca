import knexFactory from 'knex';
import { readFileSync, mkdtempSync } from 'node:fs';
import { parseInfo } from './info/parseInfo';
import { readingOf } from './collect/readingOf';
import { deriveValues } from './collect/deriveValues';
import { MetricStore } from './store/MetricStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { tuneSqlite } from '../database/tuneSqlite';
const text = readFileSync('/tmp/h3-info.txt', 'utf8').replace(/\n/g, '\r\n');
(async () => {
  const dir = mkdtempSync('/tmp/h3-sq-');
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: `${dir}/db.sqlite` }, useNullAsDefault: true });
  await tuneSqlite(knex);
  await migrateDatabase({ getClient: async () => knex } as any);
  const store = new MetricStore(knex);
  const N = 500;
  let t = Date.now();
  const round = () => {
    t += 15000;
    return Array.from({ length: N }, (_, i) => {
      const reading = readingOf(parseInfo(text), undefined, 1, t);
      return { instanceId: `inst-${i}`, attemptedAt: t, reading, values: deriveValues(reading, undefined, 1) };
    });
  };
  for (let r = 0; r < 5; r++) await store.write(round());
  for (let r = 0; r < 5; r++) {
    const results = round();
    const c0 = process.cpuUsage();
    const s0 = await store.counterStates();
    const c1 = process.cpuUsage(c0);
    const c2 = process.cpuUsage();
    await store.write(results);
    const c3 = process.cpuUsage(c2);
    console.log(`counterStates ${((c1.user + c1.system) / 1000).toFixed(1)} ms (${s0.size}), write ${((c3.user + c3.system) / 1000).toFixed(1)} ms for ${N}`);
  }
})();
