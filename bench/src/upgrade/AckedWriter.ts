import Redis from 'ioredis';

/**
 * A client writing `<prefix><n>` = n at a steady rate, one write at a time,
 * retrying each write until the server acknowledges it. What it records is
 * what an application sees during an upgrade: which writes were
 * acknowledged (and must never be lost) and the longest time between two
 * acknowledgements (the stall).
 */
export class AckedWriter {
  readonly acknowledged: number[] = [];
  longestStallMs = 0;
  failedAttempts = 0;
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #intervalMs: number;
  #running = false;
  #loop?: Promise<void>;

  constructor(redis: Redis, options: { prefix: string; perSecond: number }) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#intervalMs = 1000 / options.perSecond;
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  async #run(): Promise<void> {
    let lastAck = performance.now();
    let next = performance.now();
    for (let n = 0; this.#running; n++) {
      for (;;) {
        try {
          await this.#redis.set(`${this.#prefix}${n}`, String(n));
          break;
        } catch {
          this.failedAttempts += 1;
          if (!this.#running) return;
          await new Promise(resolve => setTimeout(resolve, 5));
        }
      }
      const now = performance.now();
      this.longestStallMs = Math.max(this.longestStallMs, now - lastAck);
      lastAck = now;
      this.acknowledged.push(n);
      // Behind schedule (after a stall, or timers firing late on a busy
      // machine) it writes without waiting until it has caught up.
      next += this.#intervalMs;
      const wait = next - performance.now();
      if (wait >= 1) await new Promise(resolve => setTimeout(resolve, wait));
    }
  }

  /** How many acknowledged writes `redis` no longer holds. */
  async countLost(redis: Redis): Promise<number> {
    let lost = 0;
    for (let i = 0; i < this.acknowledged.length; i += 5000) {
      const batch = this.acknowledged.slice(i, i + 5000);
      const values = await redis.mget(batch.map(n => `${this.#prefix}${n}`));
      lost += values.filter((value, k) => value !== String(batch[k])).length;
    }
    return lost;
  }
}

/** A connected client that reconnects at once and fails fast while the instance is down. */
export async function benchClient(connection: {
  host: string;
  port: number;
  username: string;
  password: string;
}): Promise<Redis> {
  const redis = new Redis({
    lazyConnect: true,
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => 10,
    connectTimeout: 1000,
  });
  redis.on('error', () => {});
  await redis.connect();
  return redis;
}
