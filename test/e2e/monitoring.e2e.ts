/*
 * Monitoring as a team sees it, in a real browser against the real example
 * app: an instance with a known dataset and a client reading from it shows
 * its metrics in the Redis tab's charts, and a big-key scan started from the
 * tab's button ends in a table that ranks the keys the test wrote.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import Redis from 'ioredis';
import {
  BackendProcess,
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

const PORT = 7170;
const NAME = 'busy-cache';
const SMALL_KEYS = 1000;

let app: BackendProcess;
let page: Page;
let client: Redis | undefined;
let reader: NodeJS.Timeout | undefined;

useExampleAppSession({
  name: 'monitoring',
  port: PORT,
  portRange: { start: 18870, end: 18889 },
  viewport: { width: 1400, height: 1400 },
  // a sample every 2 s, so that charts fill while the test watches
  dbaas: { metrics: { intervalSeconds: 2 } },
  onReady: session => {
    ({ app, page } = session);
  },
  beforeCleanup: () => {
    if (reader) clearInterval(reader);
    client?.disconnect();
  },
});

test('a team sees its Redis working in the charts and finds its biggest keys', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-monitoring.png'),
    () => watchTheRedisTab(),
  );
});

/** Writes the dataset the scan must rank, then keeps a reader busy. */
async function seed(api: DbaasApiClient, instanceId: string) {
  const connection = await api.getConnection(instanceId);
  client = new Redis({
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    lazyConnect: true,
  });
  await client.connect();
  const pipeline = client.pipeline();
  for (let i = 0; i < SMALL_KEYS; i++) {
    pipeline.set(`user:${i}`, `name-${i}`);
  }
  // the biggest key by memory: a 1 MiB string
  pipeline.set('blob:avatar', 'x'.repeat(1024 * 1024));
  // the biggest by elements, per type
  const feed = Array.from({ length: 20_000 }, (_, i) => `event-${i}`);
  pipeline.rpush('big:feed', ...feed);
  const fields = Array.from({ length: 5_000 }, (_, i) => [`f${i}`, `v${i}`]);
  pipeline.hset('big:profile', Object.fromEntries(fields));
  await pipeline.exec();
  // hits and misses, so that the operations and hit-ratio charts move
  reader = setInterval(() => {
    const reads = client!.pipeline();
    for (let i = 0; i < 20; i++) reads.get(`user:${i}`);
    for (let i = 0; i < 5; i++) reads.get(`missing:${i}`);
    reads.exec().catch(() => undefined);
  }, 100);
}

async function watchTheRedisTab() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Watched by the monitoring browser test',
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'none',
      maxmemoryPolicy: 'noeviction',
    },
  });
  const created = await waitForOperation(api, accepted.operation.id);
  assert.equal(created.status, 'succeeded');
  await seed(api, accepted.instance.id);

  await openRedisTab(page, app.baseUrl, NAME);

  // The charts: the key count the test wrote, and lines drawn from samples.
  // The section refreshes itself; reloading would only hide a stale view.
  const keys = page.getByRole('figure', { name: 'Keys', exact: true });
  await keys
    .getByText(new RegExp(`keys ${(SMALL_KEYS + 3).toLocaleString('en')}\\b`))
    .waitFor({ timeout: 60_000 });
  // A line of two or more samples; a flat one has no height, so playwright
  // calls it hidden: the path's drawing is what tells.
  for (const title of ['Memory', 'Operations', 'Connected clients', 'Keys']) {
    const line = page
      .getByRole('figure', { name: title, exact: true })
      .locator('path.recharts-line-curve')
      .first();
    await eventually(
      `the ${title} chart draws a line`,
      async () => /L/.test((await line.getAttribute('d')) ?? ''),
      60_000,
    );
  }
  const operations = page.getByRole('figure', {
    name: 'Operations',
    exact: true,
  });
  // ~250 reads a second from the reader above; the headline is the newest rate
  await operations
    .getByText(/\d+(\.\d)?\/s/)
    .first()
    .waitFor();
  const metrics = page
    .getByText('Metrics', { exact: true })
    .locator('xpath=ancestor::div[contains(@class, "MuiCard-root")][1]');
  await metrics.screenshot({ path: join(SCREENSHOTS, 'metrics.png') });

  // The big-key scan, from the button to the table.
  await page.getByRole('button', { name: 'Scan keys' }).click();
  const byMemory = page.getByRole('table', { name: 'Top keys by memory' });
  await byMemory.waitFor({ timeout: 60_000 });
  const firstRow = byMemory.locator('tbody tr').first();
  assert.equal(
    (await firstRow.locator('code').textContent())?.trim(),
    'blob:avatar',
    'the 1 MiB string is the biggest key',
  );
  const bigKeys = page
    .getByText('Biggest keys', { exact: true })
    .locator('xpath=ancestor::div[contains(@class, "MuiCard-root")][1]');
  await bigKeys.screenshot({ path: join(SCREENSHOTS, 'big-keys.png') });

  await page.getByRole('tab', { name: 'By elements' }).click();
  const lists = page.getByRole('table', { name: 'Top list keys' });
  await lists.waitFor();
  assert.equal(
    (
      await lists.locator('tbody tr').first().locator('code').textContent()
    )?.trim(),
    'big:feed',
  );
  await page.getByRole('tab', { name: 'Key patterns' }).click();
  const patterns = page.getByRole('table', { name: 'Key patterns' });
  await patterns.getByText('user:', { exact: false }).first().waitFor();
}
