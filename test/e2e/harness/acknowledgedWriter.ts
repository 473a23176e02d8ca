import Redis from 'ioredis';
import type { Connection } from '../../src/harness';

/** A steady trickle rather than a flood: the keys must fit in maxmemory. */
const GAP_MS = 5;
/** A write held longer than this counts as failed, as it would for an app. */
const COMMAND_TIMEOUT_MS = 2000;

/** What the writer saw, for the test to assert on and to report. */
export interface WriterReport {
  acknowledged: number;
  errors: number;
  firstErrors: string[];
  /** The longest time between two acknowledged writes. */
  longestGapMs: number;
}

function sleep(ms: number) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function clientOf(
  connection: Pick<Connection, 'host' | 'port' | 'username' | 'password'>,
) {
  const client = new Redis({
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    lazyConnect: true,
    // A failed write is counted, not retried behind the test's back.
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: () => 100,
  });
  client.on('error', () => {});
  return client;
}

/**
 * An application writing SET w:<i> <i> in a loop to one endpoint, keeping
 * the i of every write the server acknowledged: what a change must not lose.
 */
export class AcknowledgedWriter {
  readonly #client: Redis;
  readonly #acknowledged: number[] = [];
  readonly #errors: string[] = [];
  #longestGapMs = 0;
  #stopped = false;
  #loop: Promise<void> = Promise.resolve();

  private constructor(client: Redis) {
    this.#client = client;
  }

  static async start(
    connection: Pick<Connection, 'host' | 'port' | 'username' | 'password'>,
  ): Promise<AcknowledgedWriter> {
    const client = clientOf(connection);
    await client.connect();
    const writer = new AcknowledgedWriter(client);
    writer.#loop = writer.#write();
    return writer;
  }

  get acknowledged(): number {
    return this.#acknowledged.length;
  }

  async #write() {
    let last = Date.now();
    for (let i = 0; !this.#stopped; i++) {
      try {
        await this.#client.set(`w:${i}`, String(i));
        this.#acknowledged.push(i);
        const now = Date.now();
        this.#longestGapMs = Math.max(this.#longestGapMs, now - last);
        last = now;
      } catch (error) {
        this.#errors.push(`w:${i}: ${(error as Error).message}`);
      }
      await sleep(GAP_MS);
    }
  }

  /** Stops writing, and says how it went. Safe to call twice. */
  async stop(): Promise<WriterReport> {
    this.#stopped = true;
    await this.#loop;
    this.#client.disconnect();
    return {
      acknowledged: this.#acknowledged.length,
      errors: this.#errors.length,
      firstErrors: this.#errors.slice(0, 5),
      longestGapMs: this.#longestGapMs,
    };
  }

  /** The acknowledged writes that `connection` does not hold with their value. */
  async lostOn(
    connection: Pick<Connection, 'host' | 'port' | 'username' | 'password'>,
  ): Promise<number[]> {
    const client = clientOf(connection);
    await client.connect();
    try {
      const lost: number[] = [];
      for (let start = 0; start < this.#acknowledged.length; start += 1000) {
        const ids = this.#acknowledged.slice(start, start + 1000);
        const values = await client.mget(ids.map(i => `w:${i}`));
        ids.forEach((i, n) => {
          if (values[n] !== String(i)) lost.push(i);
        });
      }
      return lost;
    } finally {
      client.disconnect();
    }
  }
}
