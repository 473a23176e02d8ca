/*
 * ACL users (issue 16, acceptance 7), in a real browser against the real
 * example app: the guest adds a read-only user `reporting` on the Redis
 * tab's Users card and copies the password the dialog shows once. With it
 * a client reads a key the app user wrote and is refused a write (NOPERM).
 * Then the guest revokes the user on the card: a new login is refused, and
 * the session opened before the revoke was closed by the server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  Connection,
  DbaasApiClient,
  guestApi,
  waitForOperation,
} from '../src/harness';
import {
  eventually,
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  openRedisTab,
} from './harness';

const PORT = 7178;
const NAME = 'with-users';
const USERNAME = 'reporting';
const KEY = 'report:2026-12';
/** Putting a user on every node and logging in on each: seconds. */
const CHANGE_TIMEOUT_MS = 60_000;

let app: BackendProcess;
let page: Page;
const clients: Redis[] = [];

useExampleAppSession({
  name: 'users',
  port: PORT,
  portRange: { start: 19440, end: 19449 },
  viewport: { width: 1400, height: 1200 },
  onReady: session => {
    ({ app, page } = session);
  },
  beforeCleanup: () => clients.forEach(c => c.disconnect()),
});

test('a guest adds a read-only user on the Users card, who reads but cannot write, and revokes it, which closes its session', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-users.png'),
    () => readOnlyUser(),
  );
});

function card(title: string) {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

/** A connected client that neither retries nor reconnects: what fails, fails. */
async function login(
  connection: Pick<Connection, 'host' | 'port'>,
  username: string,
  password: string,
): Promise<Redis> {
  const client = new Redis({
    host: connection.host,
    port: connection.port,
    username,
    password,
    lazyConnect: true,
    // INFO is a dangerous command, which a read-only user may not run
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // a refused AUTH is told here; the command after it only hears the close
  const errors: Error[] = [];
  client.on('error', error => errors.push(error));
  clients.push(client);
  try {
    await client.connect();
    // without the ready check, connect resolves before AUTH is answered
    await client.ping();
  } catch (error) {
    throw errors[0] ?? error;
  }
  return client;
}

/** The latest users operation, as the API tells it, for a failure's message. */
async function latestUsersOperation(api: DbaasApiClient, id: string) {
  const { items } = await api.listOperations(id);
  const operation = items.find(o => o.type === 'users');
  if (!operation) return 'no users operation';
  const { status, error, steps, log } = await api.getOperation(operation.id);
  return JSON.stringify({ id: operation.id, status, error, steps, log });
}

/** Waits until the Users card says how the change went; fails with the operation. */
async function changeDone(
  api: DbaasApiClient,
  id: string,
  done: string,
  failed: RegExp,
) {
  const usersCard = card('Users');
  const succeeded = usersCard.getByText(done);
  const failure = usersCard.getByText(failed);
  await succeeded.or(failure).waitFor({ timeout: CHANGE_TIMEOUT_MS });
  if (await failure.isVisible()) {
    assert.fail(
      `${await failure.innerText()}; the operation: ${await latestUsersOperation(
        api,
        id,
      )}`,
    );
  }
}

async function readOnlyUser() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'A reporting user reads, and is revoked',
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
  await appClient.set(KEY, 'revenue 42');
  await openRedisTab(page, app.baseUrl, NAME);

  const password = await addReadOnlyUser(api, id);
  const session = await login(appConnection, USERNAME, password);
  assert.equal(await session.get(KEY), 'revenue 42', 'the user reads');
  await assert.rejects(
    session.set(KEY, 'tampered'),
    /NOPERM/,
    'the user may not write',
  );
  assert.equal(await appClient.get(KEY), 'revenue 42');

  await revoke(api, id);
  await assert.rejects(
    login(appConnection, USERNAME, password),
    /WRONGPASS|invalid username/,
    'a revoked user cannot log in',
  );
  // the server closed it when the user went; the client sees its end
  await eventually(
    'the session opened before the revoke is closed',
    async () => session.status === 'end',
    10_000,
  );
  await assert.rejects(session.get(KEY), /Connection is closed/);
}

/** Adds the user on the card; returns the password the dialog shows once. */
async function addReadOnlyUser(api: DbaasApiClient, id: string) {
  const usersCard = card('Users');
  const table = usersCard.getByRole('table', { name: 'users' });
  await table
    .getByText('default', { exact: true })
    .waitFor({ timeout: 30_000 });
  await usersCard.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Username' }).fill(USERNAME);
  await dialog.getByRole('radio', { name: /^Read-only/ }).check();
  await dialog.getByRole('textbox', { name: 'Key patterns' }).fill('*');
  await dialog
    .getByLabel('effective rules')
    .getByText('~* &* -@all +@read +@connection -@dangerous -@admin')
    .waitFor();
  await dialog.getByRole('button', { name: 'Create user' }).click();

  await dialog.getByText(`User ${USERNAME} created`).waitFor();
  await dialog.getByText(/it will not be shown here again/).waitFor();
  const password = await dialog
    .getByLabel('password', { exact: true })
    .innerText();
  assert.ok(password.length >= 16, 'a generated password');
  await dialog
    .getByRole('button', { name: 'I have copied the password' })
    .click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(
    await page.getByText(password).count(),
    0,
    'the password is gone from the page',
  );

  await changeDone(
    api,
    id,
    `${USERNAME} can log in on every node.`,
    new RegExp(`^Creating ${USERNAME} failed`),
  );
  const row = table.getByRole('row').filter({ hasText: USERNAME });
  await row.getByRole('cell', { name: 'Read-only', exact: true }).waitFor();
  await row.getByRole('cell', { name: '*', exact: true }).waitFor();
  await usersCard.screenshot({ path: join(SCREENSHOTS, 'users-card.png') });
  return password;
}

async function revoke(api: DbaasApiClient, id: string) {
  const usersCard = card('Users');
  const row = usersCard
    .getByRole('table', { name: 'users' })
    .getByRole('row')
    .filter({ hasText: USERNAME });
  await usersCard.getByRole('button', { name: 'Done' }).click();
  await row.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByText(/its live sessions are closed: clients logged in as reporting/)
    .waitFor();
  await dialog.getByRole('button', { name: `Revoke ${USERNAME}` }).click();
  await changeDone(
    api,
    id,
    `${USERNAME} was revoked: it is gone from every node and its sessions were closed.`,
    new RegExp(`^Revoking ${USERNAME} did not reach every node`),
  );
  await row.waitFor({ state: 'detached' });
}
