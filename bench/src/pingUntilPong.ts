import Redis from 'ioredis';

/**
 * Tries PING until the server answers PONG: the moment a client can use it.
 * Every attempt is a new connection, as a client arriving then would make.
 */
export async function pingUntilPong(
  target: { host: string; port: number; username?: string; password?: string },
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis({
      ...target,
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`${target.host}:${target.port} did not answer PONG`);
      }
      await new Promise(r => setTimeout(r, 1));
    } finally {
      client.disconnect();
    }
  }
}
