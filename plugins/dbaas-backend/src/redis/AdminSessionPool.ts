import Redis from 'ioredis';
import { NodeRoute } from '@justmanage/plugin-dbaas-node';
import { ioredisAddress, RedisLogin } from './RedisAdmin';
import { NodeRoutes } from './NodeRoutes';
import { RedisTarget } from './redisTarget';

interface Session {
  address: string;
  client: Redis;
  /** Held for as long as the session is open. */
  route: NodeRoute;
  openedAt: number;
  lastUsedAt: number;
}

/** Options of {@link AdminSessionPool}. */
export interface AdminSessionPoolOptions {
  /** How sessions reach their nodes. */
  routes: NodeRoutes;
  /** Connect and command timeout. Default 2000 ms. */
  timeoutMs?: number;
  /** Sessions unused for this long are closed by {@link AdminSessionPool.closeIdle}. */
  idleMs: number;
  /**
   * Sessions older than this are replaced at their next use, so the login
   * is proven again: a session outlives a change of its user's password.
   * Default 10 minutes.
   */
  maxAgeMs?: number;
}

/**
 * Long-lived admin connections, one per instance, for work that asks every
 * instance something every few seconds (the health check and the metrics
 * collector, see startMonitorSessions.ts). A fresh
 * connection costs six times the CPU of the INFO it carries (TCP and
 * client setup: ~1.4 ms against ~0.2 ms measured here, AUTH not counted),
 * which would be most of the collector's budget. Like RedisAdmin's connections these
 * never retry or queue: a failed command closes its session and the next
 * call connects again, with the login asked for afresh.
 */
export class AdminSessionPool {
  readonly #sessions = new Map<string, Session>();
  readonly #connecting = new Map<
    string,
    { address: string; session: Promise<Session> }
  >();
  readonly #routes: NodeRoutes;
  readonly #timeoutMs: number;
  readonly #idleMs: number;
  readonly #maxAgeMs: number;

  constructor(options: AdminSessionPoolOptions) {
    this.#routes = options.routes;
    this.#timeoutMs = options.timeoutMs ?? 2000;
    this.#idleMs = options.idleMs;
    this.#maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  }

  /** Whether `key` has an open session to `target`, so no login is needed. */
  has(key: string, target: RedisTarget): boolean {
    const session = this.#sessions.get(key);
    return (
      session !== undefined &&
      session.address === addressOf(target) &&
      session.client.status === 'ready' &&
      Date.now() - session.openedAt < this.#maxAgeMs
    );
  }

  /**
   * Runs `fn` on the session of `key`, connecting first when there is none
   * to `target`. `login` is called only to connect.
   */
  async run<T>(
    key: string,
    target: RedisTarget,
    login: () => Promise<RedisLogin | undefined>,
    fn: (redis: Redis) => Promise<T>,
  ): Promise<T> {
    const session = await this.#open(key, target, login);
    session.lastUsedAt = Date.now();
    try {
      return await fn(session.client);
    } catch (error) {
      // A timed-out reply could still arrive and be taken for the next one.
      if (this.#sessions.get(key) === session) this.close(key);
      throw error;
    } finally {
      // A session replaced meanwhile (the endpoint moved, it grew old, or
      // it was closed) served this call only.
      if (this.#sessions.get(key) !== session) retire(session);
    }
  }

  /**
   * The open session of `key` to `endpoint`. Callers asking while it
   * connects (the health check and the collector meeting on one instance)
   * wait for that connection instead of opening a second one.
   */
  async #open(
    key: string,
    target: RedisTarget,
    login: () => Promise<RedisLogin | undefined>,
  ): Promise<Session> {
    if (this.has(key, target)) return this.#sessions.get(key)!;
    const address = addressOf(target);
    const pending = this.#connecting.get(key);
    if (pending?.address === address) return pending.session;

    // Callers may still wait on an old session's replies: it is retired,
    // not cut off.
    const old = this.#sessions.get(key);
    this.#sessions.delete(key);
    if (old) retire(old);
    const entry = {
      address,
      session: (async (): Promise<Session> => {
        const credentials = await login();
        if (!credentials) {
          throw new Error('no admin credentials recorded');
        }
        const route = await this.#routes.open(target);
        const client = this.#connect(route, credentials);
        try {
          await client.connect();
        } catch (error) {
          client.disconnect();
          route.close();
          throw error;
        }
        const now = Date.now();
        return { address, client, route, openedAt: now, lastUsedAt: now };
      })(),
    };
    this.#connecting.set(key, entry);
    try {
      const session = await entry.session;
      if (this.#connecting.get(key) === entry) {
        this.#sessions.set(key, session);
      }
      return session;
    } finally {
      if (this.#connecting.get(key) === entry) this.#connecting.delete(key);
    }
  }

  close(key: string): void {
    this.#connecting.delete(key);
    const session = this.#sessions.get(key);
    if (session) {
      this.#sessions.delete(key);
      session.client.disconnect();
      session.route.close();
    }
  }

  /** Closes sessions of instances no longer asked, e.g. deleted ones. */
  closeIdle(now = Date.now()): void {
    for (const [key, session] of this.#sessions) {
      if (now - session.lastUsedAt > this.#idleMs) this.close(key);
    }
  }

  closeAll(): void {
    for (const key of [...this.#sessions.keys()]) this.close(key);
  }

  get size(): number {
    return this.#sessions.size;
  }

  #connect(route: NodeRoute, login: RedisLogin): Redis {
    const client = new Redis({
      ...ioredisAddress(route),
      username: login.username,
      password: login.password,
      lazyConnect: true,
      enableReadyCheck: false,
      connectTimeout: this.#timeoutMs,
      commandTimeout: this.#timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      connectionName: 'justmanage-monitor',
    });
    // Errors also reject the command that met them; without a listener
    // ioredis would log them as unhandled.
    client.on('error', () => {});
    return client;
  }
}

/**
 * Ends a session once the commands already sent on it are answered: QUIT
 * is replied to in order. A connection that is not ready is just closed.
 */
function retire({ client, route }: Session): void {
  const done =
    client.status === 'ready'
      ? client.quit().catch(() => client.disconnect())
      : Promise.resolve(client.disconnect());
  done.finally(() => route.close());
}

/** A session serves one node at one endpoint; a moved node gets a new one. */
function addressOf({ nodeId, endpoint }: RedisTarget): string {
  return `${nodeId ?? ''}@${endpoint.tls ? 'tls' : 'tcp'}://${endpoint.host}:${
    endpoint.port
  }`;
}
