import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { DEFAULT_KEY_SCAN_SETTINGS } from '../keyScanSettings';
import { KeyScanner } from './KeyScanner';

jest.setTimeout(30_000);

const PORT = 18810;
const endpoint = {
  role: 'primary' as const,
  host: '127.0.0.1',
  port: PORT,
  tls: false,
};
const login = { username: 'scanner', password: 'scanner-secret' };

function scanner(
  overrides: Partial<typeof DEFAULT_KEY_SCAN_SETTINGS> = {},
  signal?: AbortSignal,
) {
  return new KeyScanner({
    address: endpoint,
    login,
    topN: 5,
    separator: ':',
    settings: { ...DEFAULT_KEY_SCAN_SETTINGS, batchSize: 50, ...overrides },
    signal,
  });
}

/** A bare redis-server with an ACL user, as the control plane's admin. */
describe('KeyScanner', () => {
  let server: ChildProcess;
  let redis: Redis;

  beforeAll(async () => {
    server = spawn(
      'redis-server',
      [
        '--port',
        String(PORT),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--user',
        login.username,
        'on',
        `>${login.password}`,
        '~*',
        '&*',
        '+@all',
      ],
      { stdio: 'ignore' },
    );
    redis = new Redis({
      port: PORT,
      ...login,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    redis.on('error', () => {});
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await redis.connect();
        break;
      } catch (error) {
        redis.disconnect();
        if (Date.now() > deadline) throw error;
        await new Promise(r => setTimeout(r, 50));
      }
    }
    // one prefix of every type: most type guesses miss
    const p = redis.pipeline();
    for (let i = 0; i < 300; i++) {
      const key = `mixed:${i}`;
      if (i % 3 === 0) p.set(key, 'v'.repeat(i));
      else if (i % 3 === 1)
        p.rpush(key, ...Array.from({ length: i }, (_, k) => `e${k}`));
      else p.sadd(key, ...Array.from({ length: i }, (_, k) => `m${k}`));
    }
    p.set(
      Buffer.from([0x62, 0x69, 0x6e, 0x3a, 0xff, 0x00, 0x0d, 0x0a]),
      'x'.repeat(20_000),
    );
    p.select(3);
    p.hset('db3:hash', 'a', '1');
    await p.exec();
    await redis.select(0);
  });

  afterAll(async () => {
    redis?.disconnect();
    if (server.exitCode === null) {
      const exited = new Promise(resolve => server.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    }
  });

  it('counts every key of every database, whatever type its prefix had before', async () => {
    const result = await scanner().run();
    expect(result.databases).toEqual([
      { db: 0, keys: 301 },
      { db: 3, keys: 1 },
    ]);
    expect(result.keysScanned).toBe(302);
    const types = Object.fromEntries(result.types.map(t => [t.type, t.keys]));
    expect(types).toEqual({ string: 101, list: 100, set: 100, hash: 1 });
    const elements = Object.fromEntries(
      result.topByElements.map(t => [t.type, t.keys.map(k => k.elements)]),
    );
    expect(elements.list).toEqual([298, 295, 292, 289, 286]);
    expect(elements.set).toEqual([299, 296, 293, 290, 287]);
    expect(elements.string).toEqual([20_000, 297, 294, 291, 288]);
    expect(
      result.topByElements.find(t => t.type === 'hash')!.keys[0],
    ).toMatchObject({
      db: 3,
      key: 'db3:hash',
      elements: 1,
    });
  });

  it('sends binary key names back exactly, and shows them escaped', async () => {
    const result = await scanner().run();
    const binary = result.topByMemory[0];
    expect(binary).toMatchObject({
      key: 'bin:\\xff\\x00\\x0d\\x0a',
      type: 'string',
      elements: 20_000,
    });
    const memory = await redis.memory(
      'USAGE',
      Buffer.from([0x62, 0x69, 0x6e, 0x3a, 0xff, 0x00, 0x0d, 0x0a]),
    );
    expect(binary.memoryBytes).toBe(memory);
  });

  it('stops with the reason of a cancel', async () => {
    const controller = new AbortController();
    controller.abort(new Error('Cancelled by user:default/test'));
    await expect(scanner({}, controller.signal).run()).rejects.toThrow(
      'Cancelled by user:default/test',
    );
  });

  it('does not start on an instance that is already slow', async () => {
    await expect(scanner({ latencyLimitMs: 0 }).run()).rejects.toThrow(
      /^The instance answers PING in [\d.]+ ms before the scan, above the limit of 0 ms/,
    );
  });
});
