import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { RedisLogin } from '../RedisAdmin';

/**
 * A plain redis-server on `port` with `admin` as an ACL user of every
 * command and key, for tests of what the control plane says to Redis.
 * `defaultOff` switches the default user off, as managed instances have it.
 */
export async function startAclRedis(
  port: number,
  admin: RedisLogin,
  options: { defaultOff?: boolean } = {},
): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis({
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.call(
        'ACL',
        'SETUSER',
        admin.username,
        'on',
        `>${admin.password}`,
        '~*',
        '&*',
        '+@all',
      );
      if (options.defaultOff) {
        await client.call('ACL', 'SETUSER', 'default', 'off');
      }
      return server;
    } catch (error) {
      if (Date.now() > deadline) {
        server.kill('SIGKILL');
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    } finally {
      client.disconnect();
    }
  }
}

/** Stops a server of {@link startAclRedis} and waits until it is gone. */
export async function stopAclRedis(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise(resolve => server.once('exit', resolve));
  server.kill('SIGKILL');
  await exited;
}
