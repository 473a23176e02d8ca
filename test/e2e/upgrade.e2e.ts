/*
 * A security fix at the click of a button, in a real browser against the
 * real example app: an instance on Debian's 7.0.15-1~deb12u7 build shows the
 * advisories that the later deb12u10 build fixes; the user opens the patch
 * upgrade, reads the dry run's steps, confirms, follows the operation, and
 * sees the new version with the advisories gone. The data written before is
 * still there afterwards.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  redisGet,
  redisSetGet,
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

const PORT = 7150;
const NAME = 'patched-cache';
const FROM = '7.0.15+deb12u7';
const TO = '7.0.15+deb12u10';
/** How the tab names the target: the release first, the build after it. */
const FROM_LABEL = 'Redis 7.0.15 (build deb12u7)';
const TO_LABEL = 'Redis 7.0.15 (build deb12u10)';

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'upgrade',
  port: PORT,
  portRange: { start: 18370, end: 18389 },
  viewport: { width: 1400, height: 1200 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a guest applies a security patch from the Redis tab and sees the advisories cleared', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-upgrade.png'),
    () => patchFromTheRedisTab(),
  );
});

async function patchFromTheRedisTab() {
  const api = await guestApi(app.baseUrl);
  const platforms = (await api.listPlatforms()).items;
  const redis = platforms
    .find(p => p.id === 'local')
    ?.engines.find(e => e.engine === 'redis');
  assert.deepEqual(
    [FROM, TO].filter(v => redis?.versions.includes(v)),
    [FROM, TO],
    `the local platform runs both Debian builds (scripts/install-engines.sh); it runs ${redis?.versions}`,
  );
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Patched through the Redis tab',
      engine: 'redis',
      version: FROM,
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'rdb',
      maxmemoryPolicy: 'noeviction',
    },
  });
  const created = await waitForOperation(api, accepted.operation.id);
  assert.equal(created.status, 'succeeded');
  const connection = await api.getConnection(accepted.instance.id);
  assert.equal(await redisSetGet(connection, 'before-upgrade', 'kept'), 'kept');

  await openRedisTab(page, app.baseUrl, NAME);

  // The versions card: the build, its advisories, the patch on offer.
  await page
    .getByText('5 open advisories, worst critical')
    .waitFor({ timeout: 30_000 });
  // the overview card and the versions card both name the build
  assert.equal(
    await page.getByText(FROM_LABEL, { exact: true }).count(),
    2,
  );
  const advisories = page.getByRole('table', { name: 'advisories' });
  for (const id of [
    'CVE-2026-81934',
    'CVE-2026-25243',
    'CVE-2026-66373',
    'CVE-2026-92925',
    'CVE-2026-23631',
  ]) {
    await advisories
      .getByRole('link', { name: new RegExp(`^${id}`) })
      .waitFor();
  }
  const card = page
    .getByText('Version and security', { exact: true })
    .locator('xpath=ancestor::div[contains(@class, "MuiCard-root")][1]');
  await card.screenshot({ path: join(SCREENSHOTS, 'versions-card.png') });

  await page
    .getByRole('group', { name: 'Patch versions' })
    .getByRole('button', { name: `Upgrade to ${TO_LABEL}` })
    .click();

  // The preview is the backend's dry run: its steps and what it fixes.
  const dialog = page.getByRole('dialog');
  const steps = dialog.getByRole('list', { name: 'steps' });
  await steps.waitFor();
  const stepNames = await steps.locator('li strong').allInnerTexts();
  assert.deepEqual(stepNames, [
    'preflight',
    'snapshot',
    'switch',
    'wait-ready',
    'verify',
    'finalize',
  ]);
  await dialog
    .getByText(/CVE-2026-81934/)
    .first()
    .waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'upgrade-preview.png') });
  await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();

  // Progress from the operation, then the new version and no advisories.
  await page
    .getByText(`The instance now runs ${TO_LABEL}.`)
    .waitFor({ timeout: 120_000 });
  await page.getByText('No known advisories.').waitFor({ timeout: 30_000 });
  await eventually(
    'both cards show the new build',
    async () =>
      (await page.getByText(TO_LABEL, { exact: true }).count()) === 2,
    15_000,
  );
  assert.equal(
    await page.getByRole('table', { name: 'advisories' }).count(),
    0,
    'the advisories table is gone',
  );
  await card.screenshot({
    path: join(SCREENSHOTS, 'versions-card-patched.png'),
  });

  const after = await api.getInstance(accepted.instance.id);
  assert.equal(after?.version, TO);
  const upgraded = await api.getConnection(accepted.instance.id);
  assert.equal(await redisGet(upgraded, 'before-upgrade'), 'kept');
  assert.equal(await redisSetGet(upgraded, 'after-upgrade', 'works'), 'works');
}
