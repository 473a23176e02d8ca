/*
 * Backups (issue 18, acceptance 4), in a real browser against the real
 * example app with backups on: on the Redis tab's Backups card the guest
 * sets a daily policy in Berlin time, backs up now and follows it to the
 * end, restores that backup into a new instance, and then, with the
 * credentials the new instance's Redis tab reveals, reads the key that was
 * written before the backup.
 */
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  REPO_ROOT,
  guestApi,
  guestToken,
  redisGet,
  redisSetGet,
  waitForOperation,
} from '../src/harness';
import {
  catalogHasEntity,
  eventually,
  openRedisTab,
  SCREENSHOTS,
  useExampleAppSession,
  withFailureScreenshot,
} from './harness';

const PORT = 19950;
const NAME = 'kept-orders';
const COPY = 'kept-orders-copy';
const KEY = 'order:1001';
const VALUE = 'two espressos, paid';
/** A backup and a restore of a small instance take seconds; allow for a loaded machine. */
const OPERATION_TIMEOUT_MS = 120_000;

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'backups',
  port: PORT,
  portRange: { start: 19960, end: 19979 },
  viewport: { width: 1400, height: 1200 },
  dbaas: {
    backups: {
      // substituted by the backend from the variable the harness sets to
      // the test's work folder, so the backups go with it
      folder: '${DBAAS_EXAMPLE_DATA_DIR}/backups',
      encryptionKey: 'justmanage-backups-e2e-0123456789abcdef',
    },
  },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a guest sets a backup policy, backs up now, restores into a new instance and finds the key there', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-backups.png'),
    () => backUpAndRestore(),
  );
});

function card(title: string) {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

/** Waits for the card's success text; fails with its error text instead. */
async function outcome(done: string | RegExp, failed: RegExp) {
  const backups = card('Backups');
  const succeeded = backups.getByText(done);
  const failure = backups.getByText(failed);
  await succeeded
    .or(failure)
    .first()
    .waitFor({ timeout: OPERATION_TIMEOUT_MS });
  if (await failure.isVisible()) assert.fail(await failure.innerText());
}

async function backUpAndRestore() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Orders, backed up from the Redis tab',
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
  const source = await api.getConnection(accepted.instance.id);
  assert.equal(await redisSetGet(source, KEY, VALUE), VALUE);

  await openRedisTab(page, app.baseUrl, NAME);
  const backups = card('Backups');
  await backups.getByText(`No backups of ${NAME} yet.`).waitFor({
    timeout: 30_000,
  });

  // The policy: daily at 03:15 Berlin time, 5 kept, 14 days at most.
  await backups.getByRole('button', { name: 'Edit policy' }).click();
  const policyDialog = page.getByRole('dialog', { name: 'Backup policy' });
  await policyDialog.getByRole('radio', { name: 'Daily at a time' }).check();
  await policyDialog.getByLabel('Time (HH:MM)').fill('03:15');
  await policyDialog.getByLabel('Time zone').fill('Europe/Berlin');
  await policyDialog.getByLabel('Backups kept').fill('5');
  await policyDialog.getByLabel('Kept at most (days)').fill('14');
  await policyDialog.getByRole('button', { name: 'Save policy' }).click();
  await policyDialog.waitFor({ state: 'hidden' });
  await backups
    .getByText(
      'Backed up daily at 03:15 Europe/Berlin; keeps the newest 5, none older than 14 days.',
    )
    .waitFor();
  const view = await api.getBackupPolicy(accepted.instance.id);
  assert.deepEqual(view.policy, {
    enabled: true,
    schedule: { dailyAt: '03:15', timeZone: 'Europe/Berlin' },
    retention: { count: 5, maxAgeDays: 14 },
  });

  // Back up now, followed to its end on the card.
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await outcome(
    'Backed up. The new backup is at the top of the list.',
    /^The backup failed/,
  );
  const row = backups
    .getByRole('table', { name: 'Backups' })
    .getByRole('row')
    .filter({ hasText: 'by hand' });
  await row.getByText('complete').waitFor({ timeout: 30_000 });
  await row.getByText('redis 7.0.15').waitFor();
  const [backup] = (await api.listBackups(accepted.instance.id)).items;
  assert.equal(backup.status, 'complete');
  assert.equal(backup.trigger, 'manual');
  await backups.getByRole('button', { name: 'Done' }).click();

  // Restore it into a new instance.
  await row.getByRole('button', { name: 'Restore to new instance' }).click();
  const restoreDialog = page.getByRole('dialog', {
    name: 'Restore into a new instance',
  });
  await restoreDialog.getByLabel('Name of the new instance').fill(COPY);
  await restoreDialog.getByRole('button', { name: 'Restore' }).click();
  await outcome(
    `${COPY} is running with the backup's data.`,
    new RegExp(`^The restore into ${COPY} failed`),
  );
  await backups.screenshot({ path: join(SCREENSHOTS, 'backups-card.png') });
  await copyFile(
    join(SCREENSHOTS, 'backups-card.png'),
    join(REPO_ROOT, 'docs/screenshots/backups-card.png'),
  );

  // The new instance's Redis tab, reached by the card's link once the
  // catalog has it, shows how to connect; with what it shows, the key written before the backup is there.
  const token = await guestToken(app.baseUrl);
  await eventually(
    `${COPY} is in the catalog`,
    () =>
      catalogHasEntity(app.baseUrl, token, { kind: 'resource', name: COPY }),
    30_000,
  );
  await backups.getByRole('link', { name: `Open ${COPY}` }).click();
  await page
    .getByRole('button', { name: 'Show credentials' })
    .click({ timeout: 30_000 });
  const dialog = page.getByRole('dialog');
  const url = new URL(
    await dialog.getByLabel('connection url', { exact: true }).innerText(),
  );
  const password = await dialog
    .getByLabel('password', { exact: true })
    .innerText();
  assert.equal(decodeURIComponent(url.password), password);
  assert.notEqual(url.port, String(source.port), 'a new instance, not the old');
  assert.equal(
    await redisGet(
      {
        ...source,
        host: url.hostname,
        port: Number(url.port),
        username: decodeURIComponent(url.username),
        password,
      },
      KEY,
    ),
    VALUE,
  );
}
