import Redis from 'ioredis';

/** What a replicated instance's connection endpoint hands out. */
export interface SentinelConnection {
  username: string;
  password: string;
  sentinel: {
    masterName: string;
    endpoints: Array<{ host: string; port: number }>;
  };
}

/**
 * A client as a replicated instance's applications should have it: it asks
 * the Sentinels for the primary (logging in to them as the app user) and
 * reconnects at once when disconnected or when a write reaches a node that
 * stepped down. It does not subscribe to failover announcements
 * (`failoverDetector`): in ioredis 5.11 an announcement that arrives while
 * the client is reconnecting ends the client for good ("Connection is
 * closed"), and the old primary disconnects its clients anyway.
 */
export function sentinelClient(connection: SentinelConnection): Redis {
  const redis = new Redis({
    sentinels: connection.sentinel.endpoints,
    name: connection.sentinel.masterName,
    username: connection.username,
    password: connection.password,
    sentinelUsername: connection.username,
    sentinelPassword: connection.password,
    maxRetriesPerRequest: null,
    retryStrategy: () => 10,
    sentinelRetryStrategy: () => 10,
    reconnectOnError: error => (/READONLY/.test(error.message) ? 2 : false),
  });
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Writes `<prefix><n>` = n at a steady rate through a Sentinel client. A
 * write counts as acknowledged once the primary took it and WAIT reports a
 * replica has it too: that is the promise a failover must keep. A write
 * that errs or that no replica confirms in time is sent again. Records the
 * longest time between two acknowledgements: the stall clients see.
 */
export class ReplicatedWriter {
  readonly acknowledged: number[] = [];
  longestStallMs = 0;
  /** Sends that failed or that no replica confirmed in time. */
  retries = 0;
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #intervalMs: number;
  readonly #waitMs: number;
  #running = false;
  #loop?: Promise<void>;

  constructor(
    redis: Redis,
    options: { prefix: string; perSecond: number; waitMs?: number },
  ) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#intervalMs = 1000 / options.perSecond;
    this.#waitMs = options.waitMs ?? 1000;
  }

  start(): void {
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  async #send(n: number): Promise<boolean> {
    try {
      const replies = await this.#redis
        .pipeline()
        .set(`${this.#prefix}${n}`, String(n))
        .call('WAIT', '1', String(this.#waitMs))
        .exec();
      const [[setError, ok], [waitError, replicas]] = replies ?? [[], []];
      return !setError && !waitError && ok === 'OK' && Number(replicas) >= 1;
    } catch {
      return false;
    }
  }

  async #run(): Promise<void> {
    let lastAck = performance.now();
    let next = performance.now();
    for (let n = 0; this.#running; n++) {
      while (!(await this.#send(n))) {
        this.retries += 1;
        if (!this.#running) return;
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      const now = performance.now();
      this.longestStallMs = Math.max(this.longestStallMs, now - lastAck);
      lastAck = now;
      this.acknowledged.push(n);
      // Behind schedule (after a stall, or on a busy machine) it writes
      // without waiting until it has caught up.
      next += this.#intervalMs;
      const wait = next - performance.now();
      if (wait >= 1) await new Promise(resolve => setTimeout(resolve, wait));
    }
  }

  /** How many acknowledged writes `redis` does not hold. */
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
