import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderBytes, readProcessStat } from './stats';

describe('local driver stats', () => {
  it('reads CPU time, resident memory and start time of a process from /proc', () => {
    // burn some CPU so that the figure is well above the clock tick
    const end = Date.now() + 200;
    while (Date.now() < end);
    const usage = process.cpuUsage();
    const stat = readProcessStat(process.pid)!;
    expect(
      Math.abs(stat.cpuSeconds - (usage.user + usage.system) / 1e6),
    ).toBeLessThan(0.1);
    const rss = process.memoryUsage().rss;
    expect(stat.rssBytes / rss).toBeGreaterThan(0.8);
    expect(stat.rssBytes / rss).toBeLessThan(1.2);
    expect(readProcessStat(process.pid)!.startTicks).toBe(stat.startTicks);
  });

  it('gives nothing for a process that is gone', () => {
    expect(readProcessStat(2 ** 22 + 7)).toBeUndefined();
  });

  it('adds up the files of a data folder, AOF subfolder included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dbaas-stats-'));
    try {
      writeFileSync(join(folder, 'dump.rdb'), Buffer.alloc(1000));
      mkdirSync(join(folder, 'appendonlydir'));
      writeFileSync(
        join(folder, 'appendonlydir', 'a.1.base.rdb'),
        Buffer.alloc(300),
      );
      writeFileSync(
        join(folder, 'appendonlydir', 'a.1.incr.aof'),
        Buffer.alloc(45),
      );
      expect(folderBytes(folder)).toBe(1345);
      expect(folderBytes(join(folder, 'missing'))).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
