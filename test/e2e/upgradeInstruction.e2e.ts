/*
 * The upgrade policy told in the user's own words, in a real browser against
 * the real example app: on the Redis tab the user types the sentence the
 * product was specified with into the policy card, sees it read as
 * auto-patch in Sun 02:00-03:00 Asia/Kolkata with the next openings, and
 * confirms; the card and the API then show that policy.
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

const PORT = 7171;
const NAME = 'told-in-words';
const SENTENCE =
  'Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST';
const NORMAL = 'Sun 02:00-03:00 Asia/Kolkata (IST)';
const IST_OPENING = /^Sun \d{1,2} \w{3} 02:00-03:00 Asia\/Kolkata \(IST\)/;

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'instruction',
  port: PORT,
  portRange: { start: 19300, end: 19309 },
  viewport: { width: 1400, height: 1400 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a guest types "Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST", confirms the policy it reads as, and finds it saved', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-upgrade-instruction.png'),
    () => tellThePolicyInWords(),
  );
});

async function tellThePolicyInWords() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Patched on Sunday nights, India time, as told in words',
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

  const form = page.getByRole('form', { name: 'Upgrade instruction' });
  const box = form.getByRole('textbox', { name: 'Upgrade instruction' });
  await box.waitFor({ timeout: 30_000 });

  // A request for automatic minor upgrades is refused, naming why.
  await box.pressSequentially('Upgrade minor versions automatically', {
    delay: 10,
  });
  await form
    .getByText(/^Minor and major upgrades are never automatic/)
    .waitFor();
  assert.equal(
    await form
      .getByRole('button', { name: 'Confirm and save this policy' })
      .count(),
    0,
  );
  await box.fill('');

  await box.pressSequentially(SENTENCE, { delay: 10 });
  await form.getByText(`Reads as: auto-patch in ${NORMAL}`).waitFor();
  const preview = form.getByRole('group', { name: 'Policy to confirm' });
  await preview.getByText(`Windows: ${NORMAL}`).waitFor();
  await preview
    .getByText(/IST is read as India Standard Time \(Asia\/Kolkata\)/)
    .waitFor();
  const openings = preview.getByRole('list', {
    name: 'Next openings of the policy to confirm',
  });
  await openings.getByRole('listitem').nth(2).waitFor();
  const shown = await openings
    .locator('.MuiListItemText-primary')
    .allInnerTexts();
  assert.equal(shown.length, 3, 'three openings');
  for (const opening of shown) assert.match(opening, IST_OPENING);
  const card = form.locator(
    'xpath=ancestor::div[contains(@class, "MuiCard-root")][1]',
  );
  await card.screenshot({
    path: join(SCREENSHOTS, 'upgrade-instruction-card.png'),
  });

  // Nothing is saved before the user confirms.
  const token = await guestToken(app.baseUrl);
  const readPolicy = async () => {
    const response = await fetch(
      `${app.baseUrl}/api/dbaas/instances/${accepted.instance.id}/upgrade-policy`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    assert.equal(response.status, 200);
    return (await response.json()) as {
      mode: string;
      windows: Array<{
        phrase: string;
        window: {
          days: number[];
          start: string;
          end: string;
          timeZone: string;
        };
      }>;
      nextOpenings: Array<{ start: string }>;
    };
  };
  assert.equal((await readPolicy()).mode, 'manual');

  await form
    .getByRole('button', { name: 'Confirm and save this policy' })
    .click();
  await form
    .getByText(`Upgrade policy saved: auto-patch in ${NORMAL}.`)
    .waitFor();

  // The policy form below shows what was kept.
  const policyForm = page.getByRole('form', { name: 'Upgrade policy' });
  const windowBox = policyForm.getByRole('textbox', {
    name: 'Maintenance window 1',
  });
  await windowBox.waitFor();
  assert.equal(await windowBox.inputValue(), NORMAL);
  assert.equal(
    await policyForm
      .getByRole('radio', { name: /Automatic patch upgrades/ })
      .isChecked(),
    true,
  );

  // And so does the API.
  const policy = await readPolicy();
  assert.equal(policy.mode, 'auto-patch');
  assert.deepEqual(
    policy.windows.map(w => [w.phrase, w.window]),
    [
      [
        NORMAL,
        {
          days: [7],
          start: '02:00',
          end: '03:00',
          timeZone: 'Asia/Kolkata',
          zoneAbbreviation: 'IST',
        },
      ],
    ],
  );
  for (const opening of policy.nextOpenings) {
    // 02:00 IST on Sunday is 20:30 UTC on Saturday
    assert.match(opening.start, /T20:30:00\.000Z$/);
    assert.equal(new Date(opening.start).getUTCDay(), 6);
  }
}
