import Redis from 'ioredis';

/** Where the pool logs in, and the password it uses for the next login. */
export interface PoolTarget {
  host: string;
  port: number;
  username: string;
  password(): string;
}

/**
 * Clients that each log in afresh, SET and GET one key, and log out, then
 * wait `pauseMs` and do it again: applications whose connection pool
 * recycles connections. Every failed login is counted with its error.
 */
export class LoginPool {
  logins = 0;
  failures: string[] = [];
  #running = true;
  #done: Promise<void>[] = [];

  constructor(target: PoolTarget, size: number, pauseMs: number) {
    for (let worker = 0; worker < size; worker++) {
      this.#done.push(this.#loop(target, worker, pauseMs));
    }
  }

  async #loop(target: PoolTarget, worker: number, pauseMs: number) {
    for (let n = 0; this.#running; n++) {
      const client = new Redis({
        host: target.host,
        port: target.port,
        lazyConnect: true,
        enableReadyCheck: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        // AUTH as a command: a refused login comes back in Redis' words.
        await client.call('AUTH', target.username, target.password());
        await client.set(`pool:${worker}`, String(n));
        await client.get(`pool:${worker}`);
        this.logins++;
        await client.quit();
      } catch (error) {
        this.failures.push((error as Error).message);
        client.disconnect();
      }
      await new Promise(resolve => setTimeout(resolve, pauseMs));
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#done);
  }
}

/**
 * Connections opened once, at the start, that run a command every
 * `everyMs` for the whole run: a session that outlives every rotation.
 * Counts sessions the server closed and commands that failed.
 */
export class LongSessions {
  commands = 0;
  dropped = 0;
  errors: string[] = [];
  #clients: Redis[] = [];
  #timer?: NodeJS.Timeout;

  static async open(
    target: PoolTarget,
    count: number,
    everyMs: number,
  ): Promise<LongSessions> {
    const sessions = new LongSessions();
    for (let i = 0; i < count; i++) {
      const client = new Redis({
        host: target.host,
        port: target.port,
        username: target.username,
        password: target.password(),
        lazyConnect: true,
        // A dropped session must stay dropped, to be counted.
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => undefined);
      client.on('close', () => {
        sessions.dropped++;
      });
      await client.connect();
      sessions.#clients.push(client);
    }
    sessions.#timer = setInterval(() => {
      for (const client of sessions.#clients) {
        client.incr('long-lived').then(
          () => {
            sessions.commands++;
          },
          error => {
            sessions.errors.push((error as Error).message);
          },
        );
      }
    }, everyMs);
    return sessions;
  }

  /** Closes the sessions; a close from here is not a drop. */
  async close(): Promise<number> {
    clearInterval(this.#timer);
    const dropped = this.dropped;
    for (const client of this.#clients) client.disconnect();
    return dropped;
  }
}
