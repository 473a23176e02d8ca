/*
 * Vault through the gateway: Vault's plugin connects to the backend's
 * gateway for the instance instead of a node, so its users are on every
 * node before Vault answers, and a static role's rotation adds the new
 * password beside the old. Proven by logging in on every node at once,
 * without letting the follower task run.
 */
import { TestVault } from '@justmanage/integration-tests/src/platforms/vault';
import { serverPidsUnder } from '@justmanage/plugin-dbaas-node-test-utils';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import {
  ListedEndpoint,
  loginOnEveryNode,
  READ_ONLY_EVERYWHERE,
} from './__testUtils__/nodeLogins';

jest.setTimeout(240_000);

const GATEWAY_PORT = 19575;

describe('Vault through the gateway', () => {
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

  /** A call to Vault as the platform team would make it. */
  async function vaultApi(method: string, path: string, body?: object) {
    const res = await fetch(`${vault.url}/v1/${path}`, {
      method,
      headers: { 'X-Vault-Token': vault.rootToken },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status === 204) return undefined;
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${JSON.stringify(json)}`);
    return json;
  }

  beforeAll(async () => {
    vault = await new TestVault({ mounts: ['database'] }).start();
    backend = await startDbaasTestBackend({
      portRange: { start: 19570, end: 19574 },
      local: {
        engineDirs: ['/opt/justmanage/engines'],
        sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
      },
      dbaas: {
        operations: { pollIntervalMs: 50, readyTimeoutMs: 30_000 },
        vault: {
          address: vault.url,
          token: vault.rootToken,
          rotationGraceSeconds: 600,
          gateway: { ports: { start: GATEWAY_PORT, end: GATEWAY_PORT + 4 } },
        },
      },
    });
    id = await backend.createInstance({
      name: 'gated',
      version: '7.0.15+deb12u7',
      replicas: 1,
    });
    const app = await backend.appClient(id);
    await app.set('kept', 'yes');
    await app.call('WAIT', '1', '5000');
    app.disconnect();
    await backend.triggerTask('dbaas-vault-follow');
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

  it('gives Vault the gateway, through which rotate-root reached every node', async () => {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}/vault`)
      .set(backend.as(ALICE));
    expect(res.body.status).toBe('registered');
    expect(vault.engine().calls).toEqual([
      {
        command: 'RESETPASS',
        username: 'jm-vault',
        node: `127.0.0.1:${GATEWAY_PORT}`,
      },
    ]);
  });

  it('puts a dynamic user on every node before Vault hands out its password', async () => {
    const res = await backend.api
      .post(`/api/dbaas/instances/${id}/vault/credentials`)
      .set(backend.as(ALICE))
      .send({ role: 'read-only' });
    expect(res.status).toBe(201);
    // Straight from Vault, as an app with a Vault token would read it.
    const direct = await vaultApi('GET', 'database/creds/gated-read-only');
    for (const { username, password } of [res.body, direct.data]) {
      expect(await onEveryNode(username, password)).toEqual(
        READ_ONLY_EVERYWHERE,
      );
    }
    await vaultApi('PUT', 'sys/leases/revoke', { lease_id: direct.lease_id });
    expect(
      await onEveryNode(direct.data.username, direct.data.password),
    ).toEqual(
      READ_ONLY_EVERYWHERE.map(line => `${line.split(':')[0]}: WRONGPASS`),
    );
  });

  it('hands a product user to a static role, whose rotations keep the old password for the grace', async () => {
    const created = await backend.api
      .post(`/api/dbaas/instances/${id}/users`)
      .set(backend.as(ALICE))
      .send({ username: 'orders', preset: 'read-only' });
    expect(created.status).toBe(202);
    await backend.waitForOperation(created.body.operation.id, ALICE);
    const first = created.body.password as string;

    await vaultApi('POST', 'database/static-roles/gated-orders', {
      db_name: 'gated',
      username: 'orders',
      rotation_period: 3600,
    });
    const second = (await vaultApi('GET', 'database/static-creds/gated-orders'))
      .data.password as string;
    await vaultApi('POST', 'database/rotate-role/gated-orders');
    const third = (await vaultApi('GET', 'database/static-creds/gated-orders'))
      .data.password as string;
    expect(new Set([first, second, third]).size).toBe(3);
    // Every password still works on every node: the old ones for the grace.
    for (const password of [first, second, third]) {
      expect(await onEveryNode('orders', password)).toEqual(
        READ_ONLY_EVERYWHERE,
      );
    }
    const users = await backend.api
      .get(`/api/dbaas/instances/${id}/users/orders`)
      .set(backend.as(ALICE));
    expect(users.body).toMatchObject({ managedBy: 'vault' });
    expect(users.body.passwords).toHaveLength(3);
    expect(JSON.stringify(users.body)).not.toContain(third);
  });
});
