import Redis from 'ioredis';
import {
  DatasetFingerprint,
  fingerprintOf,
  queueFingerprint,
  readFingerprint,
  sampleKeys,
} from './fingerprint';

/**
 * How long writes stay paused at most. The old server stops within
 * milliseconds of the snapshot; should the backend die in between, writes
 * resume on their own after this.
 */
export const WRITE_PAUSE_MS = 60_000;

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/**
 * `CLIENT PAUSE ... WRITE` (Redis 6.2, every Valkey) holds writes and lets
 * reads, SAVE and this connection go on. Redis 6.0 can only pause every
 * client, this one included.
 */
export async function canPauseWritesOnly(redis: Redis): Promise<boolean> {
  const version = infoField(await redis.info('server'), 'redis_version');
  const [major, minor] = (version ?? '0.0').split('.').map(Number);
  return major > 6 || (major === 6 && minor >= 2);
}

async function waitForBackgroundSave(redis: Redis): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const info = await redis.info('persistence');
    if (infoField(info, 'rdb_bgsave_in_progress') !== '1') return;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('A background save did not finish within 30 s');
}

async function save(redis: Redis): Promise<void> {
  for (;;) {
    try {
      await redis.call('SAVE');
      return;
    } catch (error) {
      // A scheduled background save started since we looked: it finishes
      // with the writes paused, and SAVE then runs on the same data.
      if (!/in progress/i.test((error as Error).message)) throw error;
      await waitForBackgroundSave(redis);
    }
  }
}

/**
 * Stops writes, then records the dataset's fingerprint and saves the RDB
 * file the snapshot copies, so that snapshot, fingerprint and the data the
 * old server stops with are one and the same. Writes stay paused until the
 * server stops (or `WRITE_PAUSE_MS` passes). When the server `stopsNext`,
 * it is told not to save again on its way down: the file is already final,
 * and a second save would only add to the downtime. A rollback that keeps
 * the server running applies its settings again.
 */
export async function pauseWritesAndSave(
  redis: Redis,
  options: { stopsNext: boolean },
): Promise<DatasetFingerprint> {
  await waitForBackgroundSave(redis);
  const sample = await sampleKeys(redis);
  if (await canPauseWritesOnly(redis)) {
    await redis.call('CLIENT', 'PAUSE', WRITE_PAUSE_MS, 'WRITE');
    const fingerprint = await fingerprintOf(redis, sample);
    await save(redis);
    if (options.stopsNext) await redis.call('CONFIG', 'SET', 'save', '');
    return fingerprint;
  }
  // Redis 6.0: one transaction reads, saves and pauses, so no write can
  // come between; after it this connection is paused too.
  const transaction = redis.multi();
  queueFingerprint(transaction, sample);
  transaction.call('SAVE');
  if (options.stopsNext) transaction.call('CONFIG', 'SET', 'save', '');
  transaction.call('CLIENT', 'PAUSE', WRITE_PAUSE_MS);
  const replies = ((await transaction.exec()) ?? []) as Array<
    [Error | null, unknown]
  >;
  const saved = replies[sample.length + 1];
  if (!saved || saved[0]) {
    throw new Error(`SAVE failed: ${saved?.[0]?.message ?? 'no reply'}`);
  }
  return readFingerprint(replies, sample);
}

/** Lets writes through again (6.2 and later; a 6.0 pause runs out by itself). */
export async function resumeWrites(redis: Redis): Promise<void> {
  if (await canPauseWritesOnly(redis)) {
    await redis.call('CLIENT', 'UNPAUSE');
  }
}
