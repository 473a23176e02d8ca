import { ChildProcess } from 'node:child_process';
import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { RedisAdmin } from './RedisAdmin';
import { startAclRedis, stopAclRedis } from './__testUtils__/startAclRedis';

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

describe('RedisAdmin.ping', () => {
  let server: ChildProcess;
  const admin = new RedisAdmin({ timeoutMs: 1000 });

  beforeAll(async () => {
    server = await startAclRedis(PORT, ADMIN, { defaultOff: true });
  });

  afterAll(() => stopAclRedis(server));

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
