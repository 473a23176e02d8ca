import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instanceFiles } from './instanceFiles';
import { LocalStatsReader } from './stats';

/**
 * Stands in for an instance's server: a process whose command line names
 * the instance's config file, which is how the driver recognises its
 * servers, with the pidfile and runtime record the driver keeps.
 */
function fakeServer(dataDir: string, instanceId: string): ChildProcess {
  const files = instanceFiles(dataDir, instanceId);
  mkdirSync(files.dataFolder, { recursive: true });
  const child = spawn(
    process.execPath,
    ['-e', 'setInterval(() => {}, 1000)', files.conf],
    { stdio: 'ignore' },
  );
  writeFileSync(files.pidfile, `${child.pid}\n`);
  writeFileSync(
    files.runtime,
    JSON.stringify({
      port: 18746,
      binary: {
        path: '/usr/bin/redis-server',
        engine: 'redis',
        version: '7.0.15',
      },
    }),
  );
  return child;
}

describe('LocalStatsReader', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dbaas-stats-reader-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('measures the server, and finds its successor after a restart', async () => {
    const reader = new LocalStatsReader(id => instanceFiles(dataDir, id));
    const first = fakeServer(dataDir, 'inst-a');
    children.push(first);
    await new Promise(r => setTimeout(r, 300));
    writeFileSync(
      join(instanceFiles(dataDir, 'inst-a').dataFolder, 'dump.rdb'),
      Buffer.alloc(2048),
    );

    const before = reader.read('inst-a');
    expect(before.nodes).toEqual([
      expect.objectContaining({
        nodeId: 'inst-a-node-0',
        role: 'data',
        diskUsedBytes: 2048,
      }),
    ]);
    expect(before.nodes[0].memoryRssBytes).toBeGreaterThan(10 * 1024 * 1024);

    // a restart: another process (another pid) serves the instance now
    first.kill('SIGKILL');
    await new Promise(r => first.once('exit', r));
    const second = fakeServer(dataDir, 'inst-a');
    children.push(second);
    await new Promise(r => setTimeout(r, 300));
    const after = reader.read('inst-a');
    // the remembered pid is gone, so the reader looked at the files again
    expect(after.nodes).toEqual([
      expect.objectContaining({ nodeId: 'inst-a-node-0', diskUsedBytes: 2048 }),
    ]);

    second.kill('SIGKILL');
    await new Promise(r => second.once('exit', r));
    expect(reader.read('inst-a').nodes).toEqual([]);
  });
});
