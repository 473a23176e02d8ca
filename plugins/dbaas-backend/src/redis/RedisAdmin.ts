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

  /**
   * PING, then the INFO fields a health check records, on one connection.
   * Fields an engine does not report are left out.
   */
  async probe(
    endpoint: InstanceEndpoint,
    login: RedisLogin,
  ): Promise<{ usedMemoryBytes?: number; uptimeSeconds?: number }> {
    return this.withConnection(endpoint, login, async redis => {
      const reply = await redis.ping();
      if (reply !== 'PONG') {
        throw new Error(`Unexpected PING reply '${reply}'`);
      }
      const info = parseInfo(await redis.info('server'));
      Object.assign(info, parseInfo(await redis.info('memory')));
      return {
        ...numberField(info, 'used_memory', 'usedMemoryBytes'),
        ...numberField(info, 'uptime_in_seconds', 'uptimeSeconds'),
      };
    });
  }
}

function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) {
      fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
    }
  }
  return fields;
}

function numberField<K extends string>(
  info: Record<string, string>,
  field: string,
  as: K,
): Partial<Record<K, number>> {
  const value = Number(info[field]);
  return info[field] !== undefined && Number.isFinite(value)
    ? ({ [as]: value } as Partial<Record<K, number>>)
    : {};
}
