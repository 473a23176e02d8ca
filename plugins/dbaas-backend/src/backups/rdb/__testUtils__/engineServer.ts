import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

const ENGINES = '/opt/justmanage/engines';

/** Every engine installed on the machine, by its folder. */
export const INSTALLED_ENGINES = [
  {
    name: 'redis 6.0.16',
    folder: 'redis-6.0.16+deb11u2',
    binary: 'redis-server',
  },
  {
    name: 'redis 7.0.15',
    folder: 'redis-7.0.15+deb12u7',
    binary: 'redis-server',
  },
  {
    name: 'valkey 8.0.1',
    folder: 'valkey-8.0.1+bpo12.1',
    binary: 'valkey-server',
  },
];

export interface EngineServer {
  redis: Redis;
  dir: string;
  /** SAVEs and returns the RDB file's bytes. */
  save(): Promise<Buffer>;
  stop(): Promise<void>;
}

/** A bare server of an installed engine, its files in a folder of its own. */
export async function startEngineServer(
  engine: (typeof INSTALLED_ENGINES)[number],
  port: number,
  args: string[] = [],
): Promise<EngineServer> {
  const root = join(ENGINES, engine.folder);
  const dir = mkdtempSync(join(tmpdir(), 'rdb-test-'));
  const child: ChildProcess = spawn(
    join(root, 'usr/bin', engine.binary),
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      ...args,
    ],
    {
      // redis 6.0.16 comes from bullseye with its own libraries beside it.
      env: {
        ...process.env,
        LD_LIBRARY_PATH: join(root, 'usr/lib/x86_64-linux-gnu'),
      },
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const redis = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await redis.connect();
      break;
    } catch (error) {
      if (attempt > 100) {
        child.kill('SIGKILL');
        throw error;
      }
      await new Promise(r => setTimeout(r, 50));
    }
  }
  return {
    redis,
    dir,
    async save() {
      await redis.save();
      return readFileSync(join(dir, 'dump.rdb'));
    },
    async stop() {
      redis.disconnect();
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
