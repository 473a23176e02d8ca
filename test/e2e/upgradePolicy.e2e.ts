/*
 * Telling an instance when it may be patched, in a real browser against the
 * real example app: on the Redis tab the user chooses automatic patch
 * upgrades, types "Sundays 02:00-03:00 IST" into the window box, sees it
 * read as Asia/Kolkata with the next three Sunday openings, saves, reloads
 * the page and finds the policy kept (and the backend agrees).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  guestToken,
  guestApi,
  waitForOperation,
} from '../src/harness';
import {
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  openRedisTab,
} from './harness';

const PORT = 7152;
const NAME = 'sunday-patched';
const PHRASE = 'Sundays 02:00-03:00 IST';
const NORMAL = 'Sun 02:00-03:00 Asia/Kolkata (IST)';
/** An opening of the window as the card writes it in the window's zone. */
const IST_OPENING = /^Sun \d{1,2} \w{3} 02:00-03:00 Asia\/Kolkata \(IST\)/;

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'policy',
  port: PORT,
  portRange: { start: 18950, end: 18969 },
  viewport: { width: 1400, height: 1200 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a guest sets "Sundays 02:00-03:00 IST" on the Redis tab and finds it kept after a reload', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-upgrade-policy.png'),
    () => setPolicyOnTheRedisTab(),
  );
});

/** The texts of the next-openings list, in the window's zone. */
async function openingsInWindowZone(): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Next openings' });
  await list.getByRole('listitem').nth(2).waitFor();
  return list.locator('.MuiListItemText-primary').allInnerTexts();
}

async function setPolicyOnTheRedisTab() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Patched on Sunday nights, India time',
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
  await openRedisTab(page, app.baseUrl, NAME);

  const form = page.getByRole('form', { name: 'Upgrade policy' });
  await form.waitFor({ timeout: 30_000 });
  await form.getByText('No windows, so no openings.').waitFor();
  await form.getByRole('radio', { name: /Automatic patch upgrades/ }).check();
  await form.getByRole('button', { name: 'Add window' }).click();
  const box = form.getByRole('textbox', { name: 'Maintenance window 1' });
  await box.pressSequentially(PHRASE, { delay: 20 });

  // Read as typed, in the browser: the normal form and how IST was read.
  await form.getByText(`Reads as: ${NORMAL}`).waitFor();
  await form
    .getByText(/IST is read as India Standard Time \(Asia\/Kolkata\)/)
    .waitFor();
  const typed = await openingsInWindowZone();
  assert.equal(typed.length, 3, 'three openings');
  for (const opening of typed) assert.match(opening, IST_OPENING);
  const card = form.locator(
    'xpath=ancestor::div[contains(@class, "MuiCard-root")][1]',
  );
  await card.screenshot({ path: join(SCREENSHOTS, 'upgrade-policy-card.png') });

  await form.getByRole('button', { name: 'Save upgrade policy' }).click();
  await form.getByText('Upgrade policy saved.').waitFor();

  await page.reload();
  const kept = page.getByRole('form', { name: 'Upgrade policy' });
  const keptBox = kept.getByRole('textbox', { name: 'Maintenance window 1' });
  await keptBox.waitFor({ timeout: 30_000 });
  assert.equal(await keptBox.inputValue(), NORMAL);
  assert.equal(
    await kept
      .getByRole('radio', { name: /Automatic patch upgrades/ })
      .isChecked(),
    true,
  );
  assert.deepEqual(await openingsInWindowZone(), typed);

  // The backend kept the same policy and plans the same openings.
  const token = await guestToken(app.baseUrl);
  const response = await fetch(
    `${app.baseUrl}/api/dbaas/instances/${accepted.instance.id}/upgrade-policy`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  assert.equal(response.status, 200);
  const policy = (await response.json()) as {
    mode: string;
    windows: Array<{ phrase: string; window: { timeZone: string } }>;
    nextOpenings: Array<{ start: string }>;
  };
  assert.equal(policy.mode, 'auto-patch');
  assert.deepEqual(
    policy.windows.map(w => [w.phrase, w.window.timeZone]),
    [[NORMAL, 'Asia/Kolkata']],
  );
  for (const opening of policy.nextOpenings) {
    // 02:00 IST on Sunday is 20:30 UTC on Saturday
    assert.match(opening.start, /T20:30:00\.000Z$/);
    assert.equal(new Date(opening.start).getUTCDay(), 6);
  }
}
