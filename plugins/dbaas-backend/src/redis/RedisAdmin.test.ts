import { ChildProcess } from 'node:child_process';
import { NodeRoutes } from './NodeRoutes';
import { RedisAdmin } from './RedisAdmin';
import { RedisTarget } from './redisTarget';
import { startAclRedis, stopAclRedis } from './__testUtils__/startAclRedis';
import { tunnelConnector } from './__testUtils__/tunnelConnector';

// Ports of this file only.
const PORT = 17500;
const NOTHING_LISTENS = 17501;

/**
 * A node whose endpoint the backend cannot dial (`.invalid` never
 * resolves): only the platform's connector knows where it is.
 */
const endpoint = (port: number): RedisTarget => ({
  platform: 'tunnelled',
  instanceId: 'i-1',
  nodeId: String(port),
  endpoint: { host: 'node-0.i-1.invalid', port: 6379, tls: false },
});
const tunnel = tunnelConnector(t => ({
  host: '127.0.0.1',
  port: Number(t.nodeId),
}));
const ADMIN = { username: 'jm-admin', password: 'admin secret with spaces' };

describe('RedisAdmin.ping', () => {
  let server: ChildProcess;
  const admin = new RedisAdmin({
    routes: new NodeRoutes({ connectorOf: () => tunnel }),
    timeoutMs: 1000,
  });

  beforeAll(async () => {
    server = await startAclRedis(PORT, ADMIN, { defaultOff: true });
  });

  afterAll(async () => {
    await tunnel.closeAll();
    await stopAclRedis(server);
  });

  it('succeeds for a user that may run commands, reaching the node through its connector', async () => {
    const before = tunnel.carried.get(String(PORT)) ?? 0;
    await expect(admin.ping(endpoint(PORT), ADMIN)).resolves.toBeUndefined();
    expect(tunnel.carried.get(String(PORT))).toBe(before + 1);
  });

  it('runs commands on a connection through the connector', async () => {
    const before = tunnel.carried.get(String(PORT)) ?? 0;
    await expect(
      admin.withConnection(endpoint(PORT), ADMIN, redis => redis.ping()),
    ).resolves.toBe('PONG');
    expect(tunnel.carried.get(String(PORT))).toBe(before + 1);
  });

  it('fails with the server’s reason for a wrong password', async () => {
    await expect(
      admin.ping(endpoint(PORT), { ...ADMIN, password: 'wrong' }),
    ).rejects.toThrow(/^WRONGPASS/);
  });

  it('fails when nothing listens', async () => {
    const direct = new RedisAdmin({
      routes: NodeRoutes.direct(),
      timeoutMs: 1000,
    });
    await expect(
      direct.ping(
        {
          platform: 'local',
          instanceId: 'i-2',
          nodeId: 'n',
          endpoint: { host: '127.0.0.1', port: NOTHING_LISTENS, tls: false },
        },
        ADMIN,
      ),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
