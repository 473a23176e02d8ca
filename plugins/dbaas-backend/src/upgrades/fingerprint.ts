import { createHash } from 'node:crypto';
import Redis, { ChainableCommander } from 'ioredis';

/** A sampled key: its name (base64, keys are bytes) and type. */
export interface SampledKey {
  key: string;
  type: string;
}

/**
 * What an upgrade compares before and after: the key counts of every
 * database and a digest of the value of each sampled key.
 */
export interface DatasetFingerprint {
  keys: number;
  /** Keys with a TTL; they may expire while the server is down. */
  expires: number;
  sample: Array<SampledKey & { digest: string }>;
}

/** How many keys the fingerprint samples. */
export const SAMPLE_SIZE = 200;

/**
 * Commands that read a whole value in an order every version returns the
 * same way (sets and hashes are sorted before hashing). Reading with the
 * type's own command rather than DUMP matters: DUMP payloads carry the RDB
 * version and encodings, which differ between versions holding equal data.
 */
function queueRead(batch: ChainableCommander, { key, type }: SampledKey) {
  const name = Buffer.from(key, 'base64');
  switch (type) {
    case 'string':
      return batch.getBuffer(name);
    case 'hash':
      return batch.callBuffer('HGETALL', name);
    case 'list':
      return batch.lrangeBuffer(name, 0, -1);
    case 'set':
      return batch.smembersBuffer(name);
    case 'zset':
      return batch.callBuffer('ZRANGE', name, 0, -1, 'WITHSCORES');
    case 'stream':
      return batch.callBuffer('XRANGE', name, '-', '+');
    default:
      // Module types have no portable reader; the type alone is compared.
      return batch.type(name);
  }
}

function flatten(value: unknown, out: Buffer[]): void {
  if (Array.isArray(value)) {
    out.push(Buffer.from(`*${value.length}`));
    for (const item of value) flatten(item, out);
  } else if (Buffer.isBuffer(value)) {
    out.push(Buffer.from(`$${value.length}:`), value);
  } else {
    out.push(Buffer.from(`=${String(value)}`));
  }
}

function pairs(items: Buffer[]): Buffer[][] {
  const result: Buffer[][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    result.push([items[i], items[i + 1]]);
  }
  return result;
}

/** Hashes one reply so equal data gives equal digests on every version. */
export function digestValue(
  type: string,
  reply: [Error | null, unknown],
): string {
  const [error, value] = reply;
  const hash = createHash('sha256').update(`${type}\n`);
  if (error) {
    hash.update(`error ${error.message.split(' ')[0]}`);
    return hash.digest('hex');
  }
  let canonical: unknown = value;
  if (value === null) {
    canonical = 'absent';
  } else if (type === 'set' && Array.isArray(value)) {
    canonical = [...(value as Buffer[])].sort(Buffer.compare);
  } else if (type === 'hash' && Array.isArray(value)) {
    canonical = pairs(value as Buffer[]).sort((a, b) =>
      Buffer.compare(a[0], b[0]),
    );
  } else if (type === 'zset' && Array.isArray(value)) {
    // Versions print doubles differently ("1e+20"); compare the numbers.
    canonical = pairs(value as Buffer[]).map(([member, score]) => [
      member,
      Buffer.from(String(Number(score.toString()))),
    ]);
  }
  const parts: Buffer[] = [];
  flatten(canonical, parts);
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** `INFO keyspace` summed over the databases. */
export function parseKeyspace(info: string): { keys: number; expires: number } {
  let keys = 0;
  let expires = 0;
  for (const match of info.matchAll(/^db\d+:keys=(\d+),expires=(\d+)/gm)) {
    keys += Number(match[1]);
    expires += Number(match[2]);
  }
  return { keys, expires };
}

/**
 * Picks up to {@link SAMPLE_SIZE} keys of database 0 without a TTL, which
 * must all come back unchanged.
 */
export async function sampleKeys(redis: Redis): Promise<SampledKey[]> {
  const picks = redis.pipeline();
  for (let i = 0; i < SAMPLE_SIZE; i++) picks.randomkeyBuffer();
  const unique = new Map<string, Buffer>();
  for (const [, key] of (await picks.exec()) ?? []) {
    if (Buffer.isBuffer(key)) unique.set(key.toString('base64'), key);
  }
  const keys = [...unique.values()];
  const details = redis.pipeline();
  for (const key of keys) details.type(key).pttl(key);
  const replies = (await details.exec()) ?? [];
  const sampled: SampledKey[] = [];
  keys.forEach((key, i) => {
    const type = replies[2 * i]?.[1];
    const ttl = replies[2 * i + 1]?.[1];
    if (typeof type === 'string' && type !== 'none' && ttl === -1) {
      sampled.push({ key: key.toString('base64'), type });
    }
  });
  return sampled.sort((a, b) => a.key.localeCompare(b.key));
}

/** Adds the reads of a fingerprint to `batch` (a pipeline or MULTI). */
export function queueFingerprint(
  batch: ChainableCommander,
  sample: SampledKey[],
): void {
  for (const key of sample) queueRead(batch, key);
  batch.info('keyspace');
}

/** Turns the replies of {@link queueFingerprint}, from `offset` on, into a fingerprint. */
export function readFingerprint(
  replies: Array<[Error | null, unknown]>,
  sample: SampledKey[],
  offset = 0,
): DatasetFingerprint {
  const keyspace = replies[offset + sample.length];
  if (!keyspace || keyspace[0]) {
    throw new Error(
      `INFO keyspace failed: ${keyspace?.[0]?.message ?? 'no reply'}`,
    );
  }
  return {
    ...parseKeyspace(String(keyspace[1])),
    sample: sample.map((key, i) => ({
      ...key,
      digest: digestValue(key.type, replies[offset + i]),
    })),
  };
}

/** Reads the fingerprint of the keys sampled before, on any server. */
export async function fingerprintOf(
  redis: Redis,
  sample: SampledKey[],
): Promise<DatasetFingerprint> {
  const batch = redis.pipeline();
  queueFingerprint(batch, sample);
  return readFingerprint(
    ((await batch.exec()) ?? []) as Array<[Error | null, unknown]>,
    sample,
  );
}

/** What differs between two fingerprints, in words; empty when they match. */
export function compareFingerprints(
  before: DatasetFingerprint,
  after: DatasetFingerprint,
): string[] {
  const problems: string[] = [];
  const persistentBefore = before.keys - before.expires;
  const persistentAfter = after.keys - after.expires;
  if (persistentAfter !== persistentBefore) {
    problems.push(
      `${persistentBefore} keys without a TTL before, ${persistentAfter} after`,
    );
  }
  if (after.keys > before.keys || after.keys < persistentBefore) {
    problems.push(`${before.keys} keys before, ${after.keys} after`);
  }
  const changed = before.sample.filter(
    (key, i) => after.sample[i]?.digest !== key.digest,
  );
  if (changed.length) {
    const names = changed
      .slice(0, 3)
      .map(
        k => `'${Buffer.from(k.key, 'base64').toString('utf8').slice(0, 60)}'`,
      );
    problems.push(
      `${changed.length} of ${
        before.sample.length
      } sampled values differ (${names.join(', ')}${
        changed.length > 3 ? ', ...' : ''
      })`,
    );
  }
  return problems;
}
