/*
 * Vault's dynamic credentials on a replicated local instance, against the
 * test Vault, whose Redis plugin sends the real plugin's commands to the
 * one node it was given. Every credential is proven by logging in on every
 * node: a read its role allows, a write it forbids.
 */
import Redis from 'ioredis';
import {
  ListedEndpoint,
  loginOnEveryNode,
  READ_ONLY_EVERYWHERE,
} from './__testUtils__/nodeLogins';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestVault } from '@justmanage/integration-tests/src/platforms/vault';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import { VAULT_FOLLOW_TASK } from './createVault';

jest.setTimeout(240_000);

describe('credentials from Vault', () => {
  let vault: TestVault;
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;

  async function endpoints(): Promise<ListedEndpoint[]> {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    return res.body.endpoints;
  }

  const onEveryNode = async (username: string, password: string) =>
    loginOnEveryNode(await endpoints(), username, password);
  const everywhere = READ_ONLY_EVERYWHERE;

  async function issue(as = ALICE, role = 'read-only') {
    return backend.api
      .post(`/api/dbaas/instances/${id}/vault/credentials`)
      .set(backend.as(as))
      .send({ role });
  }

  async function finished(operationId: string) {
    const done = await backend.waitForOperation(operationId, ALICE, 120_000);
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
  }

  beforeAll(async () => {
    vault = await new TestVault({ mounts: ['database'] }).start();
    backend = await startDbaasTestBackend({
      portRange: { start: 19550, end: 19569 },
      local: {
        engineDirs: ['/opt/justmanage/engines'],
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
      },
      dbaas: {
        operations: { pollIntervalMs: 50, readyTimeoutMs: 30_000 },
        vault: {
          address: vault.url,
          token: vault.rootToken,
          defaultTtlSeconds: 600,
          maxTtlSeconds: 1200,
        },
      },
    });
    id = await backend.createInstance({
      name: 'vaulted',
      version: '7.0.15+deb12u7',
      replicas: 1,
    });
    const app = await backend.appClient(id);
    await app.set('kept', 'yes');
    await app.call('WAIT', '1', '5000');
    app.disconnect();
    await backend.triggerTask(VAULT_FOLLOW_TASK);
  });

  afterAll(async () => {
    const dataDir = backend?.dataDir;
    await backend?.stop();
    await vault?.stop();
    if (dataDir) {
      const left = await serverPidsUnder(dataDir);
      if (left.length)
        throw new Error(`Servers left running: ${left.join(', ')}`);
    }
  });

  it('registers the instance: a role per preset, and only Vault knows its own user', async () => {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}/vault`)
      .set(backend.as(ALICE));
    expect(res.body).toMatchObject({
      status: 'registered',
      roles: ['read-only', 'read-write-safe', 'read-write', 'full'],
      leases: [],
    });
    // rotate-root: RESETPASS of Vault's own user on the node it was given.
    expect(vault.engine().calls).toEqual([
      expect.objectContaining({ command: 'RESETPASS', username: 'jm-vault' }),
    ]);
    const users = await backend.api
      .get(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE));
    expect(
      users.body.items.find(
        (u: { username: string }) => u.username === 'jm-vault',
      ),
    ).toMatchObject({ managedBy: 'vault', passwords: [{}] });
  });

  let username: string;
  let password: string;
  let leaseId: string;

  it('issues dynamic credentials that work on every node, within their role', async () => {
    const res = await issue();
    expect(res.status).toBe(201);
    ({ username, password } = res.body);
    leaseId = res.body.lease.leaseId;
    expect(username).toMatch(/^V_/);
    expect(res.body.lease).toMatchObject({
      role: 'read-only',
      issuedBy: ALICE,
      leaseDurationSeconds: 600,
    });
    expect(await onEveryNode(username, password)).toEqual(everywhere);
  });

  let staticPassword: string;

  it("hands a user to a static role: Vault's passwords work on every node, the old one for the grace", async () => {
    const created = await backend.api
      .post(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE))
      .send({ username: 'orders', preset: 'read-only' });
    expect(created.status).toBe(202);
    await finished(created.body.operation.id);
    const first = created.body.password as string;

    const refused = await backend.api
      .post(`/api/dbaas/instances/${id}/vault/static-roles`)
      .set(backend.as(ALICE))
      .send({ username: 'orders', rotationPeriodSeconds: 2 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /^rotationPeriodSeconds: must be/,
    );
    const handed = await backend.api
      .post(`/api/dbaas/instances/${id}/vault/static-roles`)
      .set(backend.as(ALICE))
      .send({ username: 'orders', rotationPeriodSeconds: 3600 });
    expect(handed.status).toBe(201);

    const read = await backend.api
      .get(`/api/dbaas/instances/${id}/vault/static-roles/orders/credentials`)
      .set(backend.as(ALICE));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      username: 'orders',
      rotationPeriodSeconds: 3600,
    });
    staticPassword = read.body.password;
    expect(staticPassword).not.toBe(first);
    for (const password of [first, staticPassword]) {
      expect(await onEveryNode('orders', password)).toEqual(everywhere);
    }
    const bob = await backend.api
      .get(`/api/dbaas/instances/${id}/vault/static-roles/orders/credentials`)
      .set(backend.as(BOB));
    expect(bob.status).toBe(403);
  });

  it('refuses other teams and unknown roles, and records every issue', async () => {
    const refused = await issue(BOB);
    expect(refused.status).toBe(403);
    const unknown = await issue(ALICE, 'superuser');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /role: must be one of read-only/,
    );
    const events = await backend.api
      .get(`/api/dbaas/instances/${id}/events`)
      .set(backend.as(ALICE));
    const issued = events.body.items.filter(
      (e: { type: string }) => e.type === 'vault-credentials-issued',
    );
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ actor: ALICE });
    expect(issued[0].message).toContain(username);
    expect(JSON.stringify(events.body)).not.toContain(password);
  });

  it('keeps Vault users through a Sentinel failover after kill -9 of the primary', async () => {
    const [old] = await endpoints();
    const pid = Number(
      (await readFile(join(backend.dataDir, id, 'redis.pid'), 'utf8')).trim(),
    );
    process.kill(pid, 'SIGKILL');
    await waitFor(
      'the primary to move and the old one to follow it',
      async () => {
        await backend.triggerTask('dbaas-health-check');
        const [primary, replica] = await endpoints();
        return primary.port !== old.port && replica?.port === old.port
          ? true
          : undefined;
      },
      60_000,
    );
    const seen = await waitFor(
      'the Vault user on every node',
      async () => {
        const now = [
          ...(await onEveryNode(username, password)),
          ...(await onEveryNode('orders', staticPassword)),
        ];
        return JSON.stringify(now) ===
          JSON.stringify([...everywhere, ...everywhere])
          ? now
          : undefined;
      },
      30_000,
    );
    expect(seen).toEqual([...everywhere, ...everywhere]);
  });

  it('keeps Vault users through a rolling upgrade and a rolling downgrade', async () => {
    for (const version of ['7.0.15+deb12u10', '7.0.15+deb12u7']) {
      const res = await backend.api
        .post(`/api/dbaas/instances/${id}/upgrade`)
        .set(backend.as(ALICE))
        .send({ engine: 'redis', version });
      expect(res.status).toBe(202);
      await finished(res.body.operation.id);
      expect(await onEveryNode(username, password)).toEqual(everywhere);
      expect(await onEveryNode('orders', staticPassword)).toEqual(everywhere);
    }
  });

  it('says Vault is sealed when it is, and users already issued keep working', async () => {
    vault.seal();
    try {
      const res = await issue();
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/Vault is sealed/);
      const instance = await backend.api
        .get(`/api/dbaas/instances/${id}`)
        .set(backend.as(ALICE));
      expect(instance.body.status).toBe('running');
      await backend.triggerTask(VAULT_FOLLOW_TASK);
      expect(await onEveryNode(username, password)).toEqual(everywhere);
    } finally {
      vault.unseal();
    }
  });

  it('says Vault is unreachable when it is down, and users already issued keep working', async () => {
    await vault.goDown();
    try {
      const res = await issue();
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(
        /^Getting read-only credentials for vaulted from Vault: Vault is unreachable \(ECONNREFUSED\)/,
      );
      await backend.triggerTask(VAULT_FOLLOW_TASK);
      const instance = await backend.api
        .get(`/api/dbaas/instances/${id}`)
        .set(backend.as(ALICE));
      expect(instance.body.status).toBe('running');
      expect(await onEveryNode(username, password)).toEqual(everywhere);
    } finally {
      await vault.comeBack();
    }
  });

  it('revokes: the user is gone from every node and its session is closed', async () => {
    const [primary] = await endpoints();
    const session = new Redis({
      host: primary.host,
      port: primary.port,
      username,
      password,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    session.on('error', () => undefined);
    expect(await session.get('kept')).toBe('yes');
    const res = await backend.api
      .delete(
        `/api/dbaas/instances/${id}/vault/leases/${encodeURIComponent(
          leaseId,
        )}`,
      )
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).toBeDefined();
    expect(await onEveryNode(username, password)).toEqual(
      everywhere.map(line => `${line.split(':')[0]}: WRONGPASS`),
    );
    await expect(session.get('kept')).rejects.toThrow();
    session.disconnect();
    const events = await backend.api
      .get(`/api/dbaas/instances/${id}/events`)
      .set(backend.as(ALICE));
    expect(
      events.body.items.find(
        (e: { type: string }) => e.type === 'vault-lease-revoked',
      ),
    ).toMatchObject({ actor: ALICE });
  });

  it('removes the instance from Vault when it is deleted: its roles, static roles and config', async () => {
    expect(vault.engine().listRoles()).toHaveLength(4);
    const res = await backend.api
      .delete(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(202);
    await finished(res.body.operation.id);
    await backend.triggerTask(VAULT_FOLLOW_TASK);
    expect(vault.engine().listRoles()).toEqual([]);
    expect(() => vault.engine().readConfig('vaulted')).toThrow();
    await expect(
      fetch(`${vault.url}/v1/database/static-creds/vaulted-orders`, {
        headers: { 'X-Vault-Token': vault.rootToken },
      }).then(r => r.status),
    ).resolves.toBe(400);
  });
});
