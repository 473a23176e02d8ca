import Redis from 'ioredis';
import { NodeRoute } from '@justmanage/plugin-dbaas-node';
import { authPing } from './authPing';
import { NodeRoutes } from './NodeRoutes';
import { RedisTarget } from './redisTarget';

/** What a client dials: a route of a node's connector, without its handle. */
export type DialAddress = Omit<NodeRoute, 'close'>;

/** Credentials of the ACL user a command runs as. */
export interface RedisLogin {
  username: string;
  password: string;
}

/**
 * What the control plane asks Redis itself. Every driver's nodes are
 * spoken to through here, over the driver's connector, so ACL, INFO or
 * PING work the same on every platform.
 */
export class RedisAdmin {
  readonly #routes: NodeRoutes;
  readonly #timeoutMs: number;

  constructor(options: { routes: NodeRoutes; timeoutMs?: number }) {
    this.#routes = options.routes;
    this.#timeoutMs = options.timeoutMs ?? 2000;
  }

  /**
   * A dialable address of the node, for code with a client of its own (the
   * key scan); the caller closes it.
   */
  route(target: RedisTarget, signal?: AbortSignal): Promise<NodeRoute> {
    return this.#routes.open(target, signal);
  }

  /**
   * Runs `fn` on a fresh connection that never retries or queues.
   * `commandTimeoutMs` is for commands that take long on big datasets (SAVE).
   */
  async withConnection<T>(
    target: RedisTarget,
    login: RedisLogin,
    fn: (redis: Redis) => Promise<T>,
    options: { commandTimeoutMs?: number } = {},
  ): Promise<T> {
    const route = await this.#routes.open(target);
    const redis = new Redis({
      ...ioredisAddress(route),
      username: login.username,
      password: login.password,
      lazyConnect: true,
      // Every call here runs its own commands at once; ioredis's extra INFO
      // round trip before the first command would only add latency.
      enableReadyCheck: false,
      connectTimeout: this.#timeoutMs,
      commandTimeout: options.commandTimeoutMs ?? this.#timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    // ioredis reports connection errors as events as well as rejections;
    // without a listener they would be logged as unhandled.
    redis.on('error', () => {});
    try {
      await redis.connect();
      return await fn(redis);
    } finally {
      redis.disconnect();
      route.close();
    }
  }

  /** Proves that `login` can run commands; see {@link authPing}. */
  async ping(target: RedisTarget, login: RedisLogin): Promise<void> {
    const route = await this.#routes.open(target);
    try {
      await authPing(route, login, this.#timeoutMs);
    } finally {
      route.close();
    }
  }
}

/** The host, port and TLS options ioredis takes for a route. */
export function ioredisAddress(route: DialAddress) {
  return {
    host: route.host,
    port: route.port,
    tls: route.tls
      ? {
          ...(route.servername ? { servername: route.servername } : {}),
          ...(route.ca ? { ca: route.ca } : {}),
        }
      : undefined,
  };
}
