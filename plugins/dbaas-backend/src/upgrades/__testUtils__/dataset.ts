import Redis from 'ioredis';

/** The seeded dataset: `key:<i>` -> `value-<i>-...`, plus one key of every other type. */
export const SEEDED_KEYS = 100_000;
const CHUNK = 10_000;

export function valueOf(i: number): string {
  return `value-${i}-${'x'.repeat(24)}`;
}

export function connectAs(connection: {
  host: string;
  port: number;
  username: string;
  password: string;
}): Redis {
  const redis = new Redis({
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  return redis;
}

/** Writes the dataset in pipelined chunks: 100,000 keys in well under a second. */
export async function seed(redis: Redis): Promise<void> {
  for (let start = 0; start < SEEDED_KEYS; start += CHUNK) {
    const batch = redis.pipeline();
    for (let i = start; i < Math.min(start + CHUNK, SEEDED_KEYS); i++) {
      batch.set(`key:${i}`, valueOf(i));
    }
    await batch.exec();
  }
  await redis
    .multi()
    .hset('typed:hash', { a: '1', b: '2', c: '3' })
    .rpush('typed:list', 'x', 'y', 'z')
    .sadd('typed:set', 'p', 'q')
    .zadd('typed:zset', 1.5, 'one', 2.25, 'two')
    .xadd('typed:stream', '1-1', 'field', 'value')
    .exec();
}

/** How many seeded keys are missing or hold another value; 0 when every one is intact. */
export async function countDamaged(redis: Redis): Promise<number> {
  let damaged = 0;
  for (let start = 0; start < SEEDED_KEYS; start += CHUNK) {
    const keys: string[] = [];
    for (let i = start; i < Math.min(start + CHUNK, SEEDED_KEYS); i++) {
      keys.push(`key:${i}`);
    }
    const values = await redis.mget(keys);
    damaged += values.filter(
      (value, offset) => value !== valueOf(start + offset),
    ).length;
  }
  const typed = await redis
    .multi()
    .hgetall('typed:hash')
    .lrange('typed:list', 0, -1)
    .smembers('typed:set')
    .zrange('typed:zset', 0, -1, 'WITHSCORES')
    .xrange('typed:stream', '-', '+')
    .exec();
  const [hash, list, set, zset, stream] = (typed ?? []).map(r => r[1]);
  const expected = JSON.stringify([
    { a: '1', b: '2', c: '3' },
    ['x', 'y', 'z'],
    ['p', 'q'],
    ['one', '1.5', 'two', '2.25'],
    [['1-1', ['field', 'value']]],
  ]);
  const actual = JSON.stringify([
    hash,
    list,
    [...(set as string[])].sort(),
    zset,
    stream,
  ]);
  return damaged + (actual === expected ? 0 : 1);
}
