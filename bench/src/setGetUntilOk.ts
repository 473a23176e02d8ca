import Redis from 'ioredis';

/**
 * Tries SET then GET until the value comes back: the moment a client can
 * use the server. Every attempt is a new connection, as a client arriving
 * then would make.
 */
export async function setGetUntilOk(
  target: { host: string; port: number; username?: string; password?: string },
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const value = `bench-${process.pid}-${Date.now()}`;
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
      await client.set('bench:connectable', value);
      if ((await client.get('bench:connectable')) === value) return;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(
          `${target.host}:${target.port} did not answer SET and GET`,
        );
      }
      await new Promise(r => setTimeout(r, 1));
    } finally {
      client.disconnect();
    }
  }
}
