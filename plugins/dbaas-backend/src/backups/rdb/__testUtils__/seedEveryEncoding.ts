import Redis from 'ioredis';

const range = <T>(n: number, f: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => f(i));

/**
 * Keys of every type in each of the forms an engine stores them in: small
 * (ziplist or listpack, intset), big (hashtable, skiplist, quicklist),
 * compressible values (LZF), integers, one huge list element (a plain
 * quicklist node), a stream with consumer groups, TTLs and three
 * databases. Names stay short, so what DUMP says is what the RDB holds.
 */
export async function seedEveryEncoding(redis: Redis, major: number) {
  await redis.select(0);
  await redis.set('s:short', 'hello');
  await redis.set('s:int', '123456');
  await redis.set('s:negint', '-7');
  await redis.set('s:lzf', 'abc'.repeat(400));
  await redis.set(
    's:raw',
    range(50, i => String.fromCharCode(33 + ((i * 37) % 90))).join(''),
  );
  await redis.set('k'.repeat(40), 'a long name, stored compressed');
  await redis.set('s:ttl', 'x', 'PX', 3_600_000);
  await redis.set('s:ttl-s', 'y', 'EX', 86_400);
  await redis.rpush('l:small', 'a', 'b', '3', '-4');
  await redis.rpush('l:big', ...range(2000, i => `item-${i}`));
  await redis.rpush('l:huge', 'h'.repeat(20_000), 'small', 'z'.repeat(9000));
  await redis.sadd('set:int', ...range(20, i => String(i * 3)));
  await redis.sadd('set:small', 'red', 'green', 'blue');
  await redis.sadd('set:big', ...range(1000, i => `m${i}`));
  await redis.zadd('z:small', 1, 'a', 2.5, 'b', -3, 'c');
  await redis.zadd(
    'z:big',
    ...range(300, i => [String(i / 7), `p${i}`]).flat(),
  );
  await redis.zadd('z:inf', 'inf', 'top', '-inf', 'bottom');
  await redis.hset('h:small', { name: 'ann', age: '42' });
  await redis.hset(
    'h:big',
    Object.fromEntries(range(600, i => [`f${i}`, `v${i}`])),
  );
  await redis.hset('h:lzf', { doc: 'q'.repeat(2000) });
  for (let i = 0; i < 120; i++) {
    await redis.xadd(
      'x:events',
      '*',
      'kind',
      i % 2 ? 'click' : 'view',
      'n',
      String(i),
    );
  }
  await redis.xgroup('CREATE', 'x:events', 'workers', '0');
  await redis.xreadgroup(
    'GROUP',
    'workers',
    'alice',
    'COUNT',
    5,
    'STREAMS',
    'x:events',
    '>',
  );
  await redis.xreadgroup(
    'GROUP',
    'workers',
    'bob',
    'COUNT',
    3,
    'STREAMS',
    'x:events',
    '>',
  );
  await redis.xgroup('CREATE', 'x:events', 'audit', '$');
  await redis.xadd('x:empty', 'MAXLEN', '0', '*', 'a', '1');
  if (major >= 7) {
    await redis.xdel(
      'x:events',
      (
        await redis.xrange('x:events', '-', '+', 'COUNT', 1)
      )[0][0],
    );
    await redis.call(
      'FUNCTION',
      'LOAD',
      "#!lua name=rdbtest\nredis.register_function('noop', function() return 1 end)",
    );
  }
  // Packed values with more entries than their 16-bit count holds, whose
  // count must be walked: listpacks (7.0 on). A ziplist that big takes
  // redis 6.0 minutes to build, one insert at a time.
  if (major >= 7) {
    await redis.config('SET', 'hash-max-ziplist-entries', '100000');
    await redis.config('SET', 'zset-max-ziplist-entries', '100000');
    await redis.hset(
      'h:packed-huge',
      Object.fromEntries(range(40_000, i => [`${i}`, 'v'])),
    );
    await redis.zadd(
      'z:packed-huge',
      ...range(35_000, i => [String(i), `${i}`]).flat(),
    );
    for (const key of ['h:packed-huge', 'z:packed-huge']) {
      const encoding = await redis.object('ENCODING', key);
      if (encoding !== 'listpack') throw new Error(`${key} is ${encoding}`);
    }
    await redis.config('SET', 'hash-max-ziplist-entries', '128');
    await redis.config('SET', 'zset-max-ziplist-entries', '128');
  }
  await redis.select(1);
  await redis.set('one', '1');
  await redis.hset('h:db1', { a: '1' });
  await redis.select(3);
  await redis.set('three', 'x'.repeat(100), 'PX', 120_000);
  await redis.select(0);
}

export interface ExpectedKey {
  db: number;
  key: string;
  type: string;
  elements: number;
  ttlMs?: number;
  serializedBytes: number;
}

/** What the server itself says of every key, in every database. */
export async function describeKeyspace(redis: Redis): Promise<ExpectedKey[]> {
  const out: ExpectedKey[] = [];
  for (const db of [0, 1, 3]) {
    await redis.select(db);
    for (const key of await redis.keys('*')) {
      const type = await redis.type(key);
      const count: Record<string, string> = {
        string: 'STRLEN',
        list: 'LLEN',
        set: 'SCARD',
        zset: 'ZCARD',
        hash: 'HLEN',
        stream: 'XLEN',
      };
      const elements = Number(await redis.call(count[type], key));
      const pttl = await redis.pttl(key);
      const dump = (await redis.dumpBuffer(key))!;
      // The name's own encoding: DUMP a string holding the name.
      await redis.set('__name__', key);
      const name = (await redis.dumpBuffer('__name__'))!;
      await redis.del('__name__');
      out.push({
        db,
        key,
        type,
        elements,
        ...(pttl > 0 ? { ttlMs: pttl } : {}),
        // DUMP: type byte, value, 2 bytes of version and 8 of checksum.
        serializedBytes: dump.length - 10 + (name.length - 11),
      });
    }
  }
  await redis.select(0);
  return out;
}
