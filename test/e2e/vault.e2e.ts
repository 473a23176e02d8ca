/*
 * Vault credentials (issue 17, acceptance 7), in a real browser against the
 * real example app with the test Vault: the guest opens the Redis tab, sees
 * the instance registered with Vault, gets read-only credentials, and a
 * client logging in with them reads a key and is refused a write (NOPERM).
 * The guest renews the lease, then revokes it: the login is refused
 * (WRONGPASS) from then on.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Redis from 'ioredis';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  REPO_ROOT,
  guestApi,
  waitForOperation,
} from '../src/harness';
import { TestVault } from '../src/platforms/vault';
import {
  SCREENSHOTS,
  openRedisTab,
  useExampleAppSession,
  withFailureScreenshot,
} from './harness';

// this test's own range: 19900-19949
const GATEWAY_PORTS = { start: 19900, end: 19904 };
const VAULT_PORT = 19905;
const PORT = 19906;
const INSTANCE_PORTS = { start: 19910, end: 19919 };
const NAME = 'vaulted';
const KEY = 'orders:total';
/** The follower registers within a round or two of its interval. */
const REGISTRATION_TIMEOUT_MS = 60_000;

const vault = new TestVault({ mounts: ['database'] });
let app: BackendProcess;
let page: Page;
const clients: Redis[] = [];

// registered before the session's hooks, so Vault answers when the app starts
before(() => vault.start(VAULT_PORT));

useExampleAppSession({
  name: 'vault',
  port: PORT,
  portRange: INSTANCE_PORTS,
  viewport: { width: 1400, height: 1400 },
  dbaas: {
    vault: {
      address: `http://127.0.0.1:${VAULT_PORT}`,
      token: vault.rootToken,
      followIntervalSeconds: 1,
      gateway: { ports: GATEWAY_PORTS },
    },
  },
  onReady: session => {
    ({ app, page } = session);
  },
  beforeCleanup: () => clients.forEach(c => c.disconnect()),
});

// after the session's own after hook: the app stops using Vault first
after(() => vault.stop());

function vaultCard() {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: /^Vault credentials$/,
    }),
  });
}

/** A client that neither retries nor reconnects: what fails, fails. */
async function login(
  endpoint: { host: string; port: number },
  username: string,
  password: string,
): Promise<Redis> {
  const client = new Redis({
    ...endpoint,
    username,
    password,
    lazyConnect: true,
    // INFO is not for a read-only user
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  const errors: Error[] = [];
  client.on('error', error => errors.push(error));
  clients.push(client);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw errors[0] ?? error;
  }
  return client;
}

test('a guest gets read-only credentials from Vault on the Redis tab, which read but cannot write, renews them and revokes them, after which they no longer log in', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-vault.png'),
    () => credentialsFromVault(),
  );
});

async function credentialsFromVault() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Credentials from Vault',
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'rdb',
      maxmemoryPolicy: 'noeviction',
    },
  });
  assert.equal(
    (await waitForOperation(api, accepted.operation.id)).status,
    'succeeded',
  );
  const id = accepted.instance.id;
  const appConnection = await api.getConnection(id);
  const appClient = await login(
    appConnection,
    appConnection.username,
    appConnection.password,
  );
  await appClient.set(KEY, '42');

  await openRedisTab(page, app.baseUrl, NAME);
  const card = vaultCard();
  await card
    .getByText('Registered: Vault issues credentials for this instance.')
    .waitFor({ timeout: REGISTRATION_TIMEOUT_MS });

  // read-only is the role offered first
  await card.getByRole('button', { name: 'Get credentials' }).click();
  const issued = card.getByLabel('issued credentials');
  await issued.waitFor();
  const username = await issued
    .getByLabel('username', { exact: true })
    .innerText();
  const password = await issued
    .getByLabel('password', { exact: true })
    .innerText();
  assert.match(username, /^V_/, "Vault's plugin's username");
  assert.ok(password.length >= 16, 'a password from Vault');
  await issued.getByText(/\(in (60 minutes|1 hour)\)$/).waitFor();

  const session = await login(appConnection, username, password);
  assert.equal(await session.get(KEY), '42', 'the Vault user reads');
  await assert.rejects(
    session.set(KEY, 'tampered'),
    /NOPERM/,
    'the Vault user may not write',
  );
  assert.equal(await appClient.get(KEY), '42');

  await issued.getByRole('button', { name: 'Done, I copied it' }).click();
  assert.equal(
    await page.getByText(password).count(),
    0,
    'the password is gone from the page',
  );
  const row = card
    .getByRole('table', { name: 'leases' })
    .getByRole('row')
    .filter({ hasText: username });
  const expiryOf = async () =>
    (await api.getVaultStatus(id)).leases.find(l => l.username === username)!
      .expiresAt;
  const issuedExpiry = await expiryOf();
  await row.getByRole('button', { name: 'Renew' }).click();
  await card
    .getByText(new RegExp(`^Renewed ${username}: it now expires`))
    .waitFor();
  assert.ok(
    (await expiryOf()) > issuedExpiry,
    'the renewal moved the expiry later',
  );
  await card.screenshot({
    path: join(REPO_ROOT, 'docs/screenshots/vault-card.png'),
  });

  await row.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/its live sessions end now/).waitFor();
  await dialog.getByRole('button', { name: `Revoke ${username}` }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText(/^revoked /).waitFor();
  await assert.rejects(
    login(appConnection, username, password),
    /WRONGPASS|invalid username/,
    'revoked credentials no longer log in',
  );
}
