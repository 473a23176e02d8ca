import { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { AdminSessionPool } from './AdminSessionPool';
import { NodeRoutes } from './NodeRoutes';
import { RedisTarget } from './redisTarget';
import { startAclRedis, stopAclRedis } from './__testUtils__/startAclRedis';
import { tunnelConnector } from './__testUtils__/tunnelConnector';

// Ports of this file only.
const PORT = 17502;

/** Reachable only through the connector (see RedisAdmin.test.ts). */
const endpoint: RedisTarget = {
  platform: 'tunnelled',
  instanceId: 'i-1',
  nodeId: 'node-0',
  endpoint: { host: 'node-0.i-1.invalid', port: 6379, tls: false },
};
const tunnel = tunnelConnector(() => ({ host: '127.0.0.1', port: PORT }));
const routes = new NodeRoutes({ connectorOf: () => tunnel });
const ADMIN = { username: 'jm-admin', password: 'pool admin secret' };

/** The pool's connections as the server lists them. */
async function poolConnections(): Promise<number> {
  const client = new Redis({ port: PORT, lazyConnect: true });
  await client.connect();
  try {
    const list = String(await client.call('CLIENT', 'LIST'));
    return list.split('\n').filter(line => line.includes('name=justmanage-'))
      .length;
  } finally {
    client.disconnect();
  }
}

describe('AdminSessionPool', () => {
  let server: ChildProcess;

  beforeAll(async () => {
    server = await startAclRedis(PORT, ADMIN);
  });

  afterAll(async () => {
    await tunnel.closeAll();
    await stopAclRedis(server);
  });

  it('gives callers that meet while it connects one connection, and logs in once', async () => {
    const pool = new AdminSessionPool({ routes, idleMs: 60_000 });
    let logins = 0;
    const login = async () => {
      logins += 1;
      // slow enough that every caller arrives before the connection is up
      await new Promise(resolve => setTimeout(resolve, 50));
      return ADMIN;
    };
    try {
      const replies = await Promise.all(
        Array.from({ length: 5 }, () =>
          pool.run('instance-a', endpoint, login, redis => redis.ping()),
        ),
      );
      expect(replies).toEqual(['PONG', 'PONG', 'PONG', 'PONG', 'PONG']);
      expect(logins).toBe(1);
      expect(await poolConnections()).toBe(1);

      await pool.run('instance-a', endpoint, login, redis => redis.ping());
      expect(logins).toBe(1);
      expect(await poolConnections()).toBe(1);
    } finally {
      pool.closeAll();
    }
  });

  it('closes a session whose command failed, and the next call connects again', async () => {
    const pool = new AdminSessionPool({ routes, idleMs: 60_000 });
    const login = async () => ADMIN;
    try {
      await expect(
        pool.run('instance-b', endpoint, login, redis =>
          redis.call('NO-SUCH-COMMAND'),
        ),
      ).rejects.toThrow(/unknown command/);
      expect(pool.size).toBe(0);
      await expect(
        pool.run('instance-b', endpoint, login, redis => redis.ping()),
      ).resolves.toBe('PONG');
      expect(pool.size).toBe(1);
    } finally {
      pool.closeAll();
    }
    // closeAll leaves nothing open on the server
    const deadline = Date.now() + 2000;
    while ((await poolConnections()) > 0 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(await poolConnections()).toBe(0);
  });

  it('replaces a session grown old at its next use with a fresh login, letting a caller on the old one finish', async () => {
    const pool = new AdminSessionPool({
      routes,
      idleMs: 60_000,
      maxAgeMs: 200,
    });
    let logins = 0;
    const login = async () => {
      logins += 1;
      return ADMIN;
    };
    try {
      await pool.run('instance-c', endpoint, login, redis => redis.ping());
      // a command still running on the old session when it is replaced
      const slow = pool.run('instance-c', endpoint, login, redis =>
        redis.blpop('nothing-here', 0.5),
      );
      await new Promise(resolve => setTimeout(resolve, 300));
      await expect(
        pool.run('instance-c', endpoint, login, redis => redis.ping()),
      ).resolves.toBe('PONG');
      expect(logins).toBe(2);
      await expect(slow).resolves.toBeNull();

      const deadline = Date.now() + 2000;
      while ((await poolConnections()) > 1 && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      expect(await poolConnections()).toBe(1);
    } finally {
      pool.closeAll();
    }
  });
});
