/*
 * The test Vault behaves as Vault's API documentation says, and its Redis
 * plugin does to a real redis-server what hashicorp/vault-plugin-database-
 * redis does: every credential here is proven by logging in with it.
 */
import { startAclRedis } from './aclRedis';
import { TestVault } from './TestVault';

jest.setTimeout(60_000);

const PORT = 19540;
const ADMIN = { username: 'admin', password: 'admin-secret-for-the-test' };

let redis: Awaited<ReturnType<typeof startAclRedis>>;
let vault: TestVault;

const login = (username: string, password: string) =>
  redis.login(username, password);
const tryLogin = (username: string, password: string) =>
  redis.tryLogin(username, password);

async function call(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
) {
  const res = await fetch(`${vault.url}/v1/${path}`, {
    method,
    headers: {
      ...(token ? { 'X-Vault-Token': token } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  redis = await startAclRedis({
    port: PORT,
    users: [
      `${ADMIN.username} on >${ADMIN.password} ~* &* +@all`,
      'vault on >vault-initial-password ~* &* +@all',
      'app-static on >static-initial-password ~* +@all',
    ],
  });
  vault = await new TestVault().start();
});

afterAll(async () => {
  await vault?.stop();
  redis?.stop();
});

describe('TestVault: the database secrets engine with the Redis plugin', () => {
  it('mounts the engine, takes the config only when it can log in, and rotates the root password so only Vault knows it', async () => {
    const root = vault.rootToken;
    expect((await call('GET', 'database/config/cache', root)).status).toBe(404);
    expect(
      (await call('POST', 'sys/mounts/database', root, { type: 'database' }))
        .status,
    ).toBe(204);

    const wrong = await call('POST', 'database/config/cache', root, {
      plugin_name: 'redis-database-plugin',
      host: '127.0.0.1',
      port: PORT,
      username: 'vault',
      password: 'not-the-password',
      allowed_roles: 'readonly,static-app',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatch(
      /^error creating database object: error verifying connection: WRONGPASS/,
    );

    const written = await call('POST', 'database/config/cache', root, {
      plugin_name: 'redis-database-plugin',
      host: '127.0.0.1',
      port: PORT,
      username: 'vault',
      password: 'vault-initial-password',
      allowed_roles: 'readonly,static-app',
    });
    expect(written.status).toBe(204);
    const read = await call('GET', 'database/config/cache', root);
    expect(read.body.data.connection_details).toEqual({
      host: '127.0.0.1',
      port: PORT,
      username: 'vault',
      tls: false,
      insecure_tls: false,
    });
    expect(JSON.stringify(read.body)).not.toContain('vault-initial-password');

    expect(
      (await call('POST', 'database/rotate-root/cache', root)).status,
    ).toBe(204);
    expect(await tryLogin('vault', 'vault-initial-password')).toBe('WRONGPASS');
  });

  it('issues dynamic users named as the plugin names them, with the role rules, renews within max_ttl, and revokes them', async () => {
    const root = vault.rootToken;
    expect(
      (
        await call('POST', 'database/roles/readonly', root, {
          db_name: 'cache',
          creation_statements: ['["~*", "+@read"]'],
          default_ttl: '1h',
          max_ttl: '2h',
        })
      ).status,
    ).toBe(204);
    const app = vault.createToken([{ 'database/creds/readonly': ['read'] }]);
    const issued = await call('GET', 'database/creds/readonly', app);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      lease_id: expect.stringMatching(/^database\/creds\/readonly\/\w+$/),
      renewable: true,
      lease_duration: 3600,
      data: {
        username: expect.stringMatching(
          /^V_TOKEN_READONLY_[A-Z0-9]{20}_\d{10}$/,
        ),
        password: expect.any(String),
      },
    });
    const { username, password } = issued.body.data;
    const client = await login(username, password);
    expect(await client.get('anything')).toBeNull();
    await expect(client.set('k', 'v')).rejects.toThrow(/^NOPERM/);
    client.disconnect();

    const admin = await login(ADMIN.username, ADMIN.password);
    const rules = (await admin.call('ACL', 'GETUSER', username)) as unknown[];
    expect(rules).toEqual(expect.arrayContaining(['keys', '~*']));
    // The plugin never saves the ACL file and knows only its one node.
    expect(vault.engine().calls.at(-1)).toEqual({
      command: 'SETUSER',
      username,
      node: `127.0.0.1:${PORT}`,
    });

    const renewed = await call('PUT', 'sys/leases/renew', root, {
      lease_id: issued.body.lease_id,
      increment: 3 * 3600,
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.lease_duration).toBeLessThanOrEqual(7200);
    expect(renewed.body.warnings[0]).toMatch(/exceeded the effective max_ttl/);

    expect(
      (
        await call('PUT', 'sys/leases/revoke', root, {
          lease_id: issued.body.lease_id,
        })
      ).status,
    ).toBe(204);
    expect(await tryLogin(username, password)).toBe('WRONGPASS');
    expect(await admin.call('ACL', 'GETUSER', username)).toBeNull();
    admin.disconnect();
  });

  it('deletes a dynamic user when its lease expires', async () => {
    const root = vault.rootToken;
    await call('POST', 'database/roles/readonly', root, {
      db_name: 'cache',
      creation_statements: '["~*", "+@read"]',
      default_ttl: 1,
      max_ttl: 60,
    });
    const issued = await call('GET', 'database/creds/readonly', root);
    const { username, password } = issued.body.data;
    expect(await tryLogin(username, password)).toBe('ok');
    await new Promise(r => setTimeout(r, 1500));
    expect(await tryLogin(username, password)).toBe('WRONGPASS');
    expect(vault.engine().leases.has(issued.body.lease_id)).toBe(false);
  });

  it('takes over a static account by rotating its password with RESETPASS, and rotates it again on request', async () => {
    const root = vault.rootToken;
    const created = await call(
      'POST',
      'database/static-roles/static-app',
      root,
      {
        db_name: 'cache',
        username: 'app-static',
        rotation_period: '1h',
      },
    );
    expect(created.status).toBe(204);
    expect(await tryLogin('app-static', 'static-initial-password')).toBe(
      'WRONGPASS',
    );
    const first = (await call('GET', 'database/static-creds/static-app', root))
      .body.data;
    expect(first).toMatchObject({
      username: 'app-static',
      rotation_period: 3600,
    });
    expect(await tryLogin('app-static', first.password)).toBe('ok');
    const held = await login('app-static', first.password);

    expect(
      (await call('POST', 'database/rotate-role/static-app', root)).status,
    ).toBe(204);
    const second = (await call('GET', 'database/static-creds/static-app', root))
      .body.data;
    expect(second.password).not.toBe(first.password);
    // RESETPASS is a hard cut for new logins with the old password; a
    // session already open goes on.
    expect(await tryLogin('app-static', first.password)).toBe('WRONGPASS');
    expect(await tryLogin('app-static', second.password)).toBe('ok');
    expect(await held.ping()).toBe('PONG');
    held.disconnect();
    expect(
      vault
        .engine()
        .calls.filter(c => c.username === 'app-static')
        .map(c => c.command),
    ).toEqual(['RESETPASS', 'RESETPASS']);

    expect(
      (
        await call('POST', 'database/static-roles/static-app', root, {
          db_name: 'cache',
          username: 'someone-else',
          rotation_period: '1h',
        })
      ).body.errors,
    ).toEqual(['cannot update static account username']);
  });

  it('answers as Vault does to no token, a policy that does not cover the path, an unknown role, AppRole, and being sealed', async () => {
    expect(await call('GET', 'database/creds/readonly', undefined)).toEqual({
      status: 403,
      body: { errors: ['permission denied'] },
    });
    const narrow = vault.createToken([{ 'database/creds/readonly': ['read'] }]);
    expect((await call('GET', 'database/creds/admin', narrow)).status).toBe(
      403,
    );
    expect((await call('GET', 'database/config/cache', narrow)).status).toBe(
      403,
    );
    expect(await call('GET', 'database/creds/nope', vault.rootToken)).toEqual({
      status: 400,
      body: { errors: ['unknown role: nope'] },
    });

    vault.addAppRole('role-1', 'secret-1', [{ 'database/creds/*': ['read'] }]);
    expect(
      (
        await call('POST', 'auth/approle/login', undefined, {
          role_id: 'role-1',
          secret_id: 'wrong',
        })
      ).status,
    ).toBe(400);
    const loggedIn = await call('POST', 'auth/approle/login', undefined, {
      role_id: 'role-1',
      secret_id: 'secret-1',
    });
    const approleToken = loggedIn.body.auth.client_token;
    const issued = await call('GET', 'database/creds/readonly', approleToken);
    expect(issued.body.data.username).toMatch(/^V_APPROLE_READONLY_/);

    vault.seal();
    expect(await call('GET', 'database/creds/readonly', approleToken)).toEqual({
      status: 503,
      body: { errors: ['Vault is sealed'] },
    });
    expect((await call('GET', 'sys/seal-status', undefined)).body.sealed).toBe(
      true,
    );
    // A user issued before the seal keeps working: Redis does not ask Vault.
    expect(
      await tryLogin(issued.body.data.username, issued.body.data.password),
    ).toBe('ok');
    vault.unseal();
    expect(
      (await call('GET', 'database/creds/readonly', approleToken)).status,
    ).toBe(200);
  });
});
