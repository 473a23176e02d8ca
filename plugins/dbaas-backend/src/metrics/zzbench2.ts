import knexFactory from 'knex';
import { readFileSync, mkdtempSync } from 'node:fs';
import { parseInfo } from './info/parseInfo';
import { readingOf } from './collect/readingOf';
import { deriveValues } from './collect/deriveValues';
import { MetricStore } from './store/MetricStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { tuneSqlite } from '../database/tuneSqlite';
const text = readFileSync('/tmp/h3-info.txt', 'utf8').replace(/\n/g, '\r\n');
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
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
  for (let r = 0; r < 10; r++) await store.write(round());
  let total = 0;
  for (let r = 0; r < 20; r++) { const res = round(); const a = cpu(); await store.write(res); total += cpu() - a; }
  console.log('write per instance us', (total / 20 / N * 1000).toFixed(0));
  await knex.destroy();
})();
(async () => {
  await new Promise(r => setTimeout(r, 3000));
  const dir = mkdtempSync('/tmp/h3-sq-');
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: `${dir}/db.sqlite` }, useNullAsDefault: true });
  const reading = readingOf(parseInfo(text), undefined, 1, 1);
  const rows = Array.from({ length: 500 }, (_, i) => ({ instance_id: `i${i}`, attempted_at: 1, up: true, error: null, collected_at: 1, run_id: 'x', uptime_seconds: 1, snapshot: JSON.stringify({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }), info: JSON.stringify(reading.info), cpu_seconds: 1, commands: 1, hits: 1, misses: 1, evicted: 1, expired: 1, net_in: 1, net_out: 1 }));
  const a = cpu();
  for (let i = 0; i < 20; i++) knex('dbaas_metric_latest').insert(rows).onConflict('instance_id').merge().toSQL();
  console.log('knex compile latest upsert per row us', ((cpu() - a) / 20 / 500 * 1000).toFixed(1));
  const srows = Array.from({ length: 500 }, (_, i) => { const r: any = { instance_id: `i${i}`, collected_at: 1 }; for (let k = 0; k < 16; k++) r[`m${k}`] = k; return r; });
  const b = cpu();
  for (let i = 0; i < 20; i++) knex('dbaas_metric_samples').insert(srows).onConflict(['instance_id', 'collected_at']).ignore().toSQL();
  console.log('knex compile samples insert per row us', ((cpu() - b) / 20 / 500 * 1000).toFixed(1));
  const c = cpu();
  for (let i = 0; i < 200; i++) JSON.stringify(reading.info);
  console.log('stringify info us', ((cpu() - c) / 200 * 1000).toFixed(1), 'bytes', JSON.stringify(reading.info).length);
  await knex.destroy();
})();
