import { spawn } from 'node:child_process';
import Redis from 'ioredis';

/**
 * A redis-server for tests of what Vault does to ACL users: started with
 * the given users (one `user` line each; the default user is off), and
 * logins that fail with Redis's own words (WRONGPASS, NOPERM).
 */
export async function startAclRedis(options: {
  port: number;
  /** ACL user lines, e.g. `admin on >secret ~* &* +@all`. */
  users: string[];
}) {
  const { port } = options;
  // Each ACL rule is its own argument, as redis-server reads them.
  const userArgs = ['default off', ...options.users].flatMap(line => [
    '--user',
    ...line.split(' '),
  ]);
  const server = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1'],
      ...['--save', '', '--appendonly', 'no'],
      ...userArgs,
    ],
    { stdio: 'ignore' },
  );

  /** A client logged in as `username`; rejects with the login's error. */
  async function login(username: string, password: string) {
    const client = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableReadyCheck: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      // Explicit, so a refused login fails with Redis's own WRONGPASS.
      await client.call('AUTH', username, password);
    } catch (error) {
      client.disconnect();
      throw error;
    }
    return client;
  }

  /** 'ok', or the first word of the error a login gets. */
  async function tryLogin(username: string, password: string) {
    try {
      (await login(username, password)).disconnect();
      return 'ok';
    } catch (error) {
      return (error as Error).message.split(' ')[0];
    }
  }

  const [first] = options.users;
  const [username, , password] = first.split(' ');
  for (let i = 0; i < 50; i++) {
    if ((await tryLogin(username, password.slice(1))) === 'ok') {
      return { login, tryLogin, stop: () => server.kill('SIGKILL') };
    }
    await new Promise(r => setTimeout(r, 50));
  }
  server.kill('SIGKILL');
  throw new Error(`redis-server on ${port} did not let ${username} in`);
}
