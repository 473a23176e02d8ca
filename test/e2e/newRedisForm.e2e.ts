/*
 * The New Redis form refuses, before anything is submitted, what the
 * platform or the API would refuse after Create: a name against the rule or
 * taken, memory beyond the platform's limits, a window phrase that does not
 * read. It shows the limits, offers only the guest's own owners, and after
 * "Start over" the review lists what the user chose last.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  createRequest,
  guestApi,
  waitForOperation,
} from '../src/harness';
import {
  SCREENSHOTS,
  signInAsGuest,
  useExampleAppSession,
  waitForValue,
  withFailureScreenshot,
} from './harness';

const PORT = 7173;
const TAKEN = 'taken-cache';
const NAME = 'form-cache';
const RULE =
  '1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit';

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'form',
  port: PORT,
  portRange: { start: 19340, end: 19354 },
  viewport: { width: 1400, height: 1100 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('the New Redis form refuses bad input before submit, and reviews what was chosen last', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-new-redis-form.png'),
    () => walkTheForm(),
  );
});

async function walkTheForm() {
  // Someone on the team already has the name the guest will try first.
  const api = await guestApi(app.baseUrl);
  const taken = await api.createInstance({ body: createRequest(TAKEN) });
  await waitForOperation(api, taken.operation.id);
  const local = (await api.listPlatforms()).items.find(p => p.id === 'local')!;
  const { memoryMb, cpu, diskGb } = local.limits;

  await signInAsGuest(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/create/templates/default/new-redis`);
  const next = page.getByRole('button', { name: 'Next' });
  const platformPicker = page.getByLabel('Platform');

  // The name: the rule in words, what breaks it as it is typed, refused on Next.
  const name = page.getByLabel('Name').first();
  await page.getByText(RULE, { exact: true }).waitFor();
  await name.fill('9cache');
  await page
    .getByText(`Must be ${RULE}; it starts with "9"`, { exact: true })
    .waitFor();
  await next.click();
  await page
    .getByText(`The name must be ${RULE}; it starts with "9"`)
    .first()
    .waitFor();
  assert.equal(await platformPicker.count(), 0, 'still on the first page');

  await name.fill(TAKEN);
  await next.click();
  await page
    .getByText(
      `The name "${TAKEN}" is taken: an instance with this name exists already; choose another one`,
    )
    .first()
    .waitFor();
  assert.equal(await platformPicker.count(), 0, 'still on the first page');
  await name.fill(NAME);

  // The owner: the guest and the guest's group, not the other team.
  await page.getByLabel('Owner').click();
  const options = page.getByRole('option');
  await options.first().waitFor();
  assert.deepEqual(await options.allInnerTexts(), ['Team A', 'Guest (you)']);
  await page.getByRole('option', { name: 'Team A', exact: true }).click();
  await next.click();

  await waitForValue(platformPicker, 'local');
  await waitForValue(page.getByLabel('Version'), '7.0.15+deb12u10');
  await next.click();

  // The size: the platform's limits of memory, CPU and disk are shown.
  await page
    .getByText(
      `Limits on Local processes: memory ${memoryMb.min} to ${memoryMb.max} MiB, CPU ${cpu.min} to ${cpu.max} cores, disk ${diskGb.min} to ${diskGb.max} GiB.`,
    )
    .waitFor();
  await page.getByRole('radio', { name: 'Custom' }).check();
  await page.getByLabel('Memory (MiB)').fill('999999');
  const tooMuch = `Memory must be between ${memoryMb.min} and ${memoryMb.max} MiB on Local processes`;
  await page.getByText(tooMuch, { exact: true }).waitFor();
  await page.screenshot({
    path: join(SCREENSHOTS, 'template-form-limits.png'),
  });
  await next.click();
  await page.getByText(tooMuch).nth(1).waitFor(); // the error list's too
  await page.getByRole('radio', { name: 'Small (256 MiB)' }).check();
  assert.equal(await page.getByLabel('Memory (MiB)').inputValue(), '256');
  await next.click();

  // The window: read as it is typed; one that does not read is refused.
  await page.getByRole('radio', { name: /Automatic patch upgrades/ }).check();
  const window = page.getByRole('textbox', { name: 'Maintenance window' });
  await window.fill('whenever it is quiet');
  const reason = await page.getByRole('alert').first().innerText();
  assert.ok(reason.length > 10, `the parser's reason: ${reason}`);
  await page.getByRole('button', { name: 'Review' }).click();
  await page
    .getByText(`The maintenance window cannot be read: ${reason}`)
    .first()
    .waitFor();
  assert.equal(
    await page.getByRole('button', { name: 'Create' }).count(),
    0,
    'not on the review page',
  );
  await window.fill('Sundays 2am-3am IST');
  await page.getByText(/^Reads as: Sun 02:00-03:00 /).waitFor();
  await page.getByRole('button', { name: 'Review' }).click();

  await page.getByRole('button', { name: 'Create' }).click();
  await page
    .getByRole('link', { name: 'Open in catalog' })
    .waitFor({ timeout: 120_000 });
  const created = (await api.listInstances({ query: { name: NAME } })).items;
  assert.equal(created[0]?.owner, 'group:default/team-a');
  assert.equal(created[0]?.resources.memoryMb, 256);

  // Start over: the form comes back with this task's values; the user
  // switches to a custom size and to manual upgrades.
  await page.getByRole('button', { name: 'More options' }).click();
  await page.getByRole('menuitem', { name: 'Start Over' }).click();
  await waitForValue(page.getByLabel('Name').first(), NAME);
  await page.getByLabel('Name').first().fill(`${NAME}-2`);
  await next.click();
  await next.click();
  await page.getByRole('radio', { name: 'Custom' }).check();
  await page.getByLabel('Memory (MiB)').fill('512');
  await next.click();
  await page.getByRole('radio', { name: /Manual/ }).check();
  await page.getByRole('button', { name: 'Review' }).click();

  await page.getByRole('button', { name: 'Create' }).waitFor();
  const review = page.getByRole('table');
  await review.getByText('512', { exact: true }).waitFor();
  await review
    .getByText('Manual: upgrades happen only when someone starts them')
    .waitFor();
  const text = await review.innerText();
  assert.doesNotMatch(text, /Sundays 2am-3am IST|Maintenance window/);
  assert.doesNotMatch(text, /\b256\b/);
  await page.screenshot({ path: join(SCREENSHOTS, 'template-review.png') });
}
