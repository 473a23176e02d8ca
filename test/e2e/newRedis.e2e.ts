/*
 * A new user's path, in a real browser against the real example app:
 * sign in as guest, Create > New Redis, fill the form, wait for the task,
 * open the entity, read status and host:port in the Redis tab, connect with
 * the credentials it shows, delete through the danger zone, and see the
 * entity leave the catalog.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { BackendProcess, guestToken, redisSetGet } from '../src/harness';
import {
  catalogHasEntity,
  eventually,
  waitForValue,
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  signInAsGuest,
} from './harness';

const PORT = 7130;
const NAME = 'checkout-cache';

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'new',
  port: PORT,
  portRange: { start: 17960, end: 17979 },
  viewport: { width: 1400, height: 1000 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a guest creates a Redis from the template, uses it and deletes it', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-new-redis.png'),
    () => createUseAndDelete(),
  );
});

async function createUseAndDelete() {
  await signInAsGuest(page, app.baseUrl);

  // Create > New Redis
  await page.getByRole('link', { name: 'Create' }).first().click();
  await page.getByRole('button', { name: 'Choose' }).click();

  await page.getByLabel('Name').first().fill(NAME);
  await page.getByLabel('Description').first().fill('Cart sessions');
  await page.getByLabel('Owner').click();
  await page.getByRole('option', { name: 'Team A', exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Placement: the pickers offer what the backend's platforms can run.
  await page.getByLabel('Platform').waitFor();
  await waitForValue(page.getByLabel('Platform'), 'local');
  await waitForValue(page.getByLabel('Region'), 'local');
  await waitForValue(page.getByLabel('Engine'), 'redis');
  // the newest build the platform runs is chosen for the user
  await waitForValue(page.getByLabel('Version'), '7.0.15+deb12u10');
  await page.screenshot({ path: join(SCREENSHOTS, 'template-form.png') });
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByText('Small (256 MiB)').waitFor();
  await page.getByText('No: a single node (standalone)').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();

  // Upgrades: manual unless the team chooses a maintenance window.
  await page
    .getByText('Manual: upgrades happen only when someone starts them')
    .waitFor();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page: wait until the create step has finished.
  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await openInCatalog.waitFor({ timeout: 120_000 });

  const token = await guestToken(app.baseUrl);
  const seconds = await eventually(
    'the entity is in the catalog',
    () =>
      catalogHasEntity(app.baseUrl, token, { kind: 'resource', name: NAME }),
    15_000,
  );
  assert.ok(seconds <= 15_000);

  await openInCatalog.click();
  // the entity page's "Redis" tab
  await page.locator(`a[href$="/resource/${NAME}/redis"]`).first().click();
  await page
    .getByText('Up', { exact: true })
    .first()
    .waitFor({ timeout: 30_000 });
  const host = await page
    .getByLabel('host', { exact: true })
    .first()
    .innerText();
  const port = Number(
    await page.getByLabel('port', { exact: true }).first().innerText(),
  );
  assert.equal(host, '127.0.0.1');
  assert.ok(port >= 17960 && port <= 17979, `port ${port} from the range`);
  await page.screenshot({ path: join(SCREENSHOTS, 'redis-tab.png') });

  // The credentials the tab shows are the ones that work.
  await page.getByRole('button', { name: 'Show credentials' }).click();
  const username = await page
    .getByLabel('username', { exact: true })
    .innerText();
  const password = await page
    .getByLabel('password', { exact: true })
    .innerText();
  assert.equal(
    await redisSetGet(
      { host, port, username, password, tls: false, url: '' },
      'e2e',
      'works',
    ),
    'works',
  );
  await page.keyboard.press('Escape');

  // The fleet page lists it.
  await page.goto(`${app.baseUrl}/dbaas`);
  await page.getByRole('link', { name: NAME }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'fleet-page.png') });

  // Delete through the danger zone.
  await page.goto(`${app.baseUrl}/catalog/default/resource/${NAME}/redis`);
  await page.getByRole('button', { name: 'Delete instance' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill(NAME);
  await dialog.getByRole('button', { name: 'Delete' }).click();

  await eventually(
    'the entity has left the catalog',
    async () =>
      !(await catalogHasEntity(app.baseUrl, token, {
        kind: 'resource',
        name: NAME,
      })),
    30_000,
  );
  await page.goto(`${app.baseUrl}/catalog?filters%5Bkind%5D=resource`);
  await page
    .getByText('No records to display')
    .or(page.getByText(/0 results|No resources/))
    .first()
    .waitFor({ timeout: 15_000 });
}
