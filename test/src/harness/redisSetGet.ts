import Redis from 'ioredis';
import type { ConnectionDetails as Connection } from '@justmanage/plugin-dbaas-common';

/**
 * Runs `use` on a client connected once, with the credentials from the
 * connection endpoint and no retries, so a refused login or a dead server
 * fails the call instead of hanging it.
 */
async function withRedis<T>(
  connection: Connection,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = new Redis({
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // reported through the rejected command
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

/**
 * Connects with the credentials from the connection endpoint, SETs `key`
 * to `value` and returns what GET reads back.
 */
export function redisSetGet(
  connection: Connection,
  key: string,
  value: string,
): Promise<string | null> {
  return withRedis(connection, async client => {
    await client.set(key, value);
    return client.get(key);
  });
}

/** Reads one key with the credentials from the connection endpoint. */
export function redisGet(
  connection: Connection,
  key: string,
): Promise<string | null> {
  return withRedis(connection, client => client.get(key));
}
