import Redis from 'ioredis';

/** `n` distinct members or fields of one length, so sampled sizes are exact. */
function items(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    `${prefix}${String(i).padStart(6, '0')}`.padEnd(24, 'x'),
  );
}

/**
 * A few thousand keys of every type and many sizes in db 0 and db 1, with
 * one big key per type and database. Big aggregates hold elements of one
 * length, so MEMORY USAGE's sampling gives the same answer whichever
 * elements it samples.
 */
export async function seedMixedKeyspace(redis: Redis): Promise<number> {
  let count = 0;
  for (const db of [0, 1]) {
    await redis.select(db);
    const p = redis.pipeline();
    const n = db === 0 ? 1 : 0.5;
    for (let i = 0; i < 1500 * n; i++) {
      p.set(`cache:item:${i}`, 'v'.repeat(10 + (i % 400)));
      count++;
    }
    for (let i = 0; i < 300 * n; i++) {
      p.hset(`user:${i}`, { name: `n${i}`, email: `u${i}@example.com` });
      count++;
    }
    for (let i = 0; i < 200 * n; i++) {
      p.rpush(`queue:${i}`, ...items('q', 1 + (i % 20)));
      count++;
    }
    for (let i = 0; i < 150 * n; i++) {
      p.sadd(`tags:${i}`, ...items('t', 1 + (i % 10)));
      count++;
    }
    for (let i = 0; i < 100 * n; i++) {
      p.zadd(`rank:${i}`, 1, 'a', 2, `b${i}`);
      count++;
    }
    for (let i = 0; i < 30 * n; i++) {
      p.xadd(`events:${i}`, '*', 'kind', 'click', 'n', String(i));
      count++;
    }
    for (let i = 0; i < 20; i++) {
      p.set(`plain-${db}-${i}`, 'p'.repeat(i));
      count++;
    }
    // the big ones: every size different from every other
    const scale = db === 0 ? 1 : 2;
    p.set(`big:string:${db}`, 's'.repeat(20_000 * scale + 123));
    p.hset(
      `big:hash:${db}`,
      ...items('f', 400 * scale + 17).flatMap(f => [f, 'v'.repeat(40)]),
    );
    p.rpush(`big:list:${db}`, ...items('l', 900 * scale + 7));
    p.sadd(`big:set:${db}`, ...items('m', 500 * scale + 11));
    p.zadd(
      `big:zset:${db}`,
      ...items('z', 350 * scale + 3).flatMap((m, i) => [i, m]),
    );
    count += 5;
    p.set('emoji:🔑', 'unicode key');
    count++;
    await p.exec();
  }
  await redis.select(0);
  return count;
}
