/*
 * The catalog entity of a managed instance, as its owner meets it: the
 * entity menu does not offer "Unregister entity" (which would only hide the
 * entry until the dbaas provider adds it back, and reads like deleting the
 * database), the sidebar marks only the page the user is on, and deleting
 * from the Redis tab ends on the fleet page instead of on an empty tab.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { BackendProcess, guestApi, waitForOperation } from '../src/harness';
import {
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  openRedisTab,
} from './harness';

const PORT = 7175;
const NAME = 'managed-entity';

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'managed-entity',
  port: PORT,
  portRange: { start: 19400, end: 19409 },
  viewport: { width: 1400, height: 1000 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a managed instance is deleted from its Redis tab, never unregistered, and the tab returns to the fleet', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-managed-entity.png'),
    () => deleteFromTheTab(),
  );
});

async function deleteFromTheTab() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
    },
  });
  assert.equal(
    (await waitForOperation(api, accepted.operation.id)).status,
    'succeeded',
  );

  await openRedisTab(page, app.baseUrl, NAME);
  await page.getByRole('button', { name: 'Delete instance' }).waitFor();

  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: /Copy entity URL/ }).waitFor();
  assert.equal(
    await page.getByRole('menuitem', { name: /Unregister entity/ }).count(),
    0,
    'the entity menu offers "Unregister entity" for a managed instance',
  );
  await page.keyboard.press('Escape');

  // on the status page only its own sidebar item is marked
  await page.goto(`${app.baseUrl}/dbaas/status`);
  await page.getByText(/instances?, \d+ down/).waitFor();
  const current = await page
    .locator('nav a[aria-current="page"]')
    .evaluateAll(links => links.map(a => a.getAttribute('aria-label')));
  assert.deepEqual(current, ['Redis status']);

  await page.goto(`${app.baseUrl}/catalog/default/resource/${NAME}/redis`);
  await page.getByRole('button', { name: 'Delete instance' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill(NAME);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(`${app.baseUrl}/dbaas`, { timeout: 30_000 });
  await page.getByRole('link', { name: NAME }).waitFor({ state: 'detached' });
}
