import { RespConnection } from '../../plugins/dbaas-backend/src/bigkeys/resp/RespConnection';
import { encodeCommand } from '../../plugins/dbaas-backend/src/bigkeys/resp/encodeCommands';

/** A small deterministic generator, so every run seeds the same keyspace. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Sizes with a long tail, as real keyspaces have: most values small, one
 * in a hundred ten times bigger, one in ten thousand a thousand times.
 */
function tailed(next: () => number, small: number): number {
  const r = next();
  const base = Math.ceil(small * (0.2 + next()));
  if (r < 0.0001) return base * 1000;
  if (r < 0.01) return base * 10;
  return base;
}

const items = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/**
 * Keys by prefix and type in the shares of a typical application cache,
 * plus a prefix of mixed types, which costs the scan wrong type guesses.
 */
function commandFor(i: number, next: () => number): string[] {
  const r = i % 100;
  if (r < 40) return ['SET', `cache:page:${i}`, 'x'.repeat(tailed(next, 60))];
  if (r < 60) return ['SET', `session:${i}`, 's'.repeat(tailed(next, 120))];
  if (r < 70) return ['SET', `rate:${i}`, String(i)];
  if (r < 80) {
    const fields = items('f', Math.min(5000, tailed(next, 5)));
    return ['HSET', `user:${i}`, ...fields.flatMap(f => [f, `value-of-${f}`])];
  }
  if (r < 88) return ['RPUSH', `queue:${i}`, ...items('job-', tailed(next, 8))];
  if (r < 94) return ['SADD', `tags:${i}`, ...items('tag-', tailed(next, 6))];
  if (r < 98) {
    const members = items('player-', tailed(next, 6));
    return ['ZADD', `rank:${i}`, ...members.flatMap((m, k) => [String(k), m])];
  }
  if (r < 99) return ['XADD', `events:${i}`, '*', 'kind', 'click'];
  // one prefix, every type: the scan's type guesses miss here
  const kind = i % 3;
  if (kind === 0) return ['SET', `obj:${i}`, 'o'.repeat(tailed(next, 30))];
  if (kind === 1) return ['HSET', `obj:${i}`, 'a', '1', 'b', '2'];
  return ['SADD', `obj:${i}`, 'a', 'b'];
}

/** Writes `count` keys in pipelines of 5000; returns the time it took. */
export async function seedBigKeyspace(
  connection: RespConnection,
  count: number,
): Promise<number> {
  const started = performance.now();
  const next = random(42);
  const batch = 5000;
  for (let start = 0; start < count; start += batch) {
    let payload = '';
    const end = Math.min(count, start + batch);
    for (let i = start; i < end; i++)
      payload += encodeCommand(commandFor(i, next));
    const replies = await connection.sendEncoded(payload, end - start);
    const failed = replies.find(r => r instanceof Error);
    if (failed) throw failed;
  }
  return performance.now() - started;
}
