/*
 * The product's Vault client (node-vault) against the test Vault, whose
 * Redis plugin sends the real plugin's commands to a real redis-server:
 * every credential is proven by logging in and running one command its
 * role allows and one it forbids.
 */
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  startAclRedis,
  TestVault,
} from '@justmanage/integration-tests/src/platforms/vault';
import { aclRulesOf } from '@justmanage/plugin-dbaas-common';
import { VaultClient } from './VaultClient';
import { readVaultSettings } from './readVaultSettings';

jest.setTimeout(60_000);

const PORT = 19545;
const VAULT_USER = { username: 'vault', password: 'first-password-of-vault' };

let redis: Awaited<ReturnType<typeof startAclRedis>>;
let vault: TestVault;

const login = (username: string, password: string) =>
  redis.login(username, password);
const loginError = (username: string, password: string) =>
  redis.tryLogin(username, password);

function clientFor(settings: JsonObject) {
  return new VaultClient(
    readVaultSettings(new ConfigReader({ dbaas: { vault: settings } }))!,
  );
}

beforeAll(async () => {
  redis = await startAclRedis({
    port: PORT,
    users: [
      // The user the product makes for Vault: ACL user management only.
      `${VAULT_USER.username} on >${VAULT_USER.password} -@all +acl|setuser +acl|getuser +acl|deluser +ping +auth +hello`,
    ],
  });
  vault = await new TestVault({ mounts: ['database'] }).start();
});

afterAll(async () => {
  await vault?.stop();
  redis?.stop();
});

describe('VaultClient', () => {
  it('registers an instance so that only Vault knows its own password, and issues dynamic credentials whose rules hold', async () => {
    const client = clientFor({ address: vault.url, token: vault.rootToken });
    await client.register(
      'orders-cache',
      { host: '127.0.0.1', port: PORT, ...VAULT_USER },
      [
        {
          name: 'read-only',
          rules: aclRulesOf({ preset: 'read-only' }).split(' '),
        },
      ],
    );
    expect(await loginError(VAULT_USER.username, VAULT_USER.password)).toBe(
      'WRONGPASS',
    );

    const lease = await client.issue('orders-cache', 'read-only');
    expect(lease).toMatchObject({
      leaseId: expect.stringMatching(
        /^database\/creds\/orders-cache-read-only\//,
      ),
      leaseDurationSeconds: 3600,
      username: expect.stringMatching(
        /^V_ROOT_ORDERS-CACHE-READ-ONLY_[A-Z0-9]{20}_\d+$/,
      ),
    });
    const app = await login(lease.username, lease.password);
    expect(await app.get('anything')).toBeNull();
    await expect(app.set('k', 'v')).rejects.toThrow(/^NOPERM/);
    app.disconnect();

    const renewed = await client.renew(lease.leaseId, 7200);
    expect(renewed.leaseDurationSeconds).toBe(7200);
    await client.revoke(lease.leaseId);
    expect(await loginError(lease.username, lease.password)).toBe('WRONGPASS');
  });

  it('signs in with AppRole', async () => {
    vault.addAppRole('jm-role', 'jm-secret', [
      { 'database/creds/orders-cache-*': ['read'] },
    ]);
    const client = clientFor({
      address: vault.url,
      appRole: { roleId: 'jm-role', secretId: 'jm-secret' },
    });
    const lease = await client.issue('orders-cache', 'read-only');
    expect(lease.username).toMatch(/^V_APPROLE_ORDERS-CACHE-READ-ONLY_/);
    expect(await loginError(lease.username, lease.password)).toBe('ok');
  });

  it('says what it was doing and why Vault refused: sealed or down is a 503, a token without the policy a 403, an unknown role a 400', async () => {
    const narrow = clientFor({
      address: vault.url,
      token: vault.createToken([{ 'database/creds/other-*': ['read'] }]),
    });
    await expect(
      narrow.issue('orders-cache', 'read-only'),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "Getting read-only credentials for orders-cache from Vault: Vault refused the product's token (1 error occurred: * permission denied)",
    });
    const root = clientFor({ address: vault.url, token: vault.rootToken });
    await expect(root.issue('orders-cache', 'admin')).rejects.toMatchObject({
      name: 'InputError',
      message:
        'Getting admin credentials for orders-cache from Vault: unknown role: orders-cache-admin',
    });

    vault.seal();
    try {
      await expect(
        root.issue('orders-cache', 'read-only'),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'Getting read-only credentials for orders-cache from Vault: Vault is sealed',
      });
    } finally {
      vault.unseal();
    }
    const gone = clientFor({ address: 'http://127.0.0.1:1', token: 'x' });
    await expect(gone.issue('orders-cache', 'read-only')).rejects.toMatchObject(
      {
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /^Getting read-only credentials for orders-cache from Vault: Vault is unreachable \(ECONNREFUSED\)$/,
        ),
      },
    );
  });

  it('reads its settings strictly', () => {
    expect(() =>
      readVaultSettings(
        new ConfigReader({ dbaas: { vault: { address: 'http://v' } } }),
      ),
    ).toThrow('dbaas.vault: set exactly one of token and appRole');
    expect(readVaultSettings(new ConfigReader({ dbaas: {} }))).toBeUndefined();
  });
});
