/** What a user reads back from an instance, to compare a restore with its source. */
import Redis from 'ioredis';

export interface KeyState {
  type: string;
  value: unknown;
  ttlMs: number;
}

/** Every key of a database as a user sees it: type, whole value, TTL. */
export async function readAll(client: Redis): Promise<Map<string, KeyState>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'COUNT', 500);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  const state = new Map<string, KeyState>();
  for (const key of keys.sort()) {
    const type = await client.type(key);
    let value: unknown;
    if (type === 'string')
      value = (await client.getBuffer(key))?.toString('hex');
    if (type === 'hash')
      value = Object.entries(await client.hgetall(key)).sort();
    if (type === 'list') value = await client.lrange(key, 0, -1);
    if (type === 'set') value = (await client.smembers(key)).sort();
    if (type === 'zset') value = await client.zrange(key, 0, -1, 'WITHSCORES');
    if (type === 'stream') value = await client.xrange(key, '-', '+');
    state.set(key, { type, value, ttlMs: await client.pttl(key) });
  }
  return state;
}

/** Strings (one binary), every collection type, keys with a TTL. */
export async function writeDataset(db0: Redis, db1: Redis) {
  const batch = db0.pipeline();
  for (let i = 0; i < 200; i++) batch.set(`s:${i}`, `value-${i}`);
  batch.set(Buffer.from('bin:\x00\xff'), Buffer.from([0, 1, 2, 255, 254]));
  for (let i = 0; i < 50; i++) batch.hset('h:1', `f${i}`, `v${i}`);
  for (let i = 0; i < 100; i++) batch.rpush('l:1', `item-${i}`);
  for (let i = 0; i < 30; i++) batch.sadd('set:1', `m${i}`);
  for (let i = 0; i < 40; i++) batch.zadd('z:1', i * 1.5 + 0.25, `z${i}`);
  for (let i = 0; i < 10; i++) batch.xadd('x:1', '*', 'n', String(i));
  for (let i = 0; i < 20; i++) batch.set(`t:${i}`, `ttl-${i}`, 'EX', 3600);
  await batch.exec();
  for (let i = 0; i < 5; i++) await db1.set(`db1:${i}`, `other-${i}`);
  await db1.hset('db1:h', 'a', '1');
}

/** Equal types and values; TTLs both absent, or equal within the test's run time. */
export function expectSameData(
  before: Map<string, KeyState>,
  after: Map<string, KeyState>,
) {
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [key, was] of before) {
    const now = after.get(key)!;
    expect([key, now.type, now.value]).toEqual([key, was.type, was.value]);
    if (was.ttlMs < 0) {
      expect([key, now.ttlMs]).toEqual([key, was.ttlMs]);
    } else {
      expect(now.ttlMs).toBeGreaterThan(0);
      expect(Math.abs(was.ttlMs - now.ttlMs)).toBeLessThan(120_000);
    }
  }
}
