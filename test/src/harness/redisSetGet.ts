import Redis from 'ioredis';
import { Connection } from './apiTypes';

/**
 * Connects with the credentials from the connection endpoint, SETs `key`
 * to `value` and returns what GET reads back.
 */
export async function redisSetGet(
  connection: Connection,
  key: string,
  value: string,
): Promise<string | null> {
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
    await client.set(key, value);
    return await client.get(key);
  } finally {
    client.disconnect();
  }
}
