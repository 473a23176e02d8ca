import Redis from 'ioredis';
import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { authPing } from './authPing';

/** Credentials of the ACL user a command runs as. */
export interface RedisLogin {
  username: string;
  password: string;
}

/**
 * What the control plane asks Redis itself. Every driver's instances are
 * spoken to through here, so ACL, INFO or PING work the same on every
 * platform.
 */
export class RedisAdmin {
  readonly #timeoutMs: number;

  constructor(options: { timeoutMs?: number } = {}) {
    this.#timeoutMs = options.timeoutMs ?? 2000;
  }

  /**
   * Runs `fn` on a fresh connection that never retries or queues.
   * `commandTimeoutMs` is for commands that take long on big datasets (SAVE).
   */
  async withConnection<T>(
    endpoint: InstanceEndpoint,
    login: RedisLogin,
    fn: (redis: Redis) => Promise<T>,
    options: { commandTimeoutMs?: number } = {},
  ): Promise<T> {
    const redis = new Redis({
      host: endpoint.host,
      port: endpoint.port,
      username: login.username,
      password: login.password,
      tls: endpoint.tls ? {} : undefined,
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
    }
  }

  /** Proves that `login` can run commands; see {@link authPing}. */
  async ping(endpoint: InstanceEndpoint, login: RedisLogin): Promise<void> {
    await authPing(endpoint, login, this.#timeoutMs);
  }
}
