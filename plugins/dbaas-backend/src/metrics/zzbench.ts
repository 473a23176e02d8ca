import { readFileSync } from 'node:fs';
import { parseInfo } from './info/parseInfo';
import { readingOf } from './collect/readingOf';
import { deriveValues } from './collect/deriveValues';
const text = readFileSync('/tmp/h3-info.txt', 'utf8').replace(/\n/g, '\r\n');
function cpu(label: string, n: number, fn: () => void) {
  for (let i = 0; i < 2000; i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const c = process.cpuUsage(c0);
  console.log(label, ((c.user + c.system) / n).toFixed(1), 'us');
}
cpu('parseInfo', 20000, () => parseInfo(text));
const fields = parseInfo(text);
cpu('readingOf', 20000, () => readingOf(fields, undefined, 1, Date.now()));
const r = readingOf(fields, undefined, 1, Date.now());
cpu('deriveValues', 20000, () => deriveValues(r, r, 1000));
cpu('stringify info', 20000, () => JSON.stringify(r.info));
import { LocalStatsReader } from '../drivers/local/stats';
import { instanceFiles } from '../drivers/local/instanceFiles';
(async () => {
  const reader = new LocalStatsReader(id => instanceFiles('/tmp/h3-inst', id));
  console.log(JSON.stringify(await reader.read('i1')));
  for (let i = 0; i < 500; i++) await reader.read('i1');
  const c0 = process.cpuUsage();
  for (let i = 0; i < 2000; i++) await reader.read('i1');
  const c = process.cpuUsage(c0);
  console.log('readInstanceStats', ((c.user + c.system) / 2000).toFixed(1), 'us');
})();
