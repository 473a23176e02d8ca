import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { RedisAdmin } from './RedisAdmin';

// Ports of this file only.
const PORT = 17500;
const NOTHING_LISTENS = 17501;

const endpoint = (port: number): InstanceEndpoint => ({
  role: 'primary',
  host: '127.0.0.1',
  port,
  tls: false,
});
const ADMIN = { username: 'jm-admin', password: 'admin secret with spaces' };

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    ['--port', String(PORT), '--bind', '127.0.0.1', '--save', ''],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis({
      port: PORT,
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
        ADMIN.username,
        'on',
        `>${ADMIN.password}`,
        '~*',
        '&*',
        '+@all',
      );
      await client.call('ACL', 'SETUSER', 'default', 'off');
      return server;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 20));
    } finally {
      client.disconnect();
    }
  }
}

describe('RedisAdmin.ping', () => {
  let server: ChildProcess;
  const admin = new RedisAdmin({ timeoutMs: 1000 });

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    const exited = new Promise(resolve => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  });

  it('succeeds for a user that may run commands', async () => {
    await expect(admin.ping(endpoint(PORT), ADMIN)).resolves.toBeUndefined();
  });

  it('fails with the server’s reason for a wrong password', async () => {
    await expect(
      admin.ping(endpoint(PORT), { ...ADMIN, password: 'wrong' }),
    ).rejects.toThrow(/^WRONGPASS/);
  });

  it('fails when nothing listens', async () => {
    await expect(admin.ping(endpoint(NOTHING_LISTENS), ADMIN)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
