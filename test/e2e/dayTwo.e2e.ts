/*
 * Day-2 controls on the Redis tab, in a real browser against the real
 * example app: the guest resizes the instance's memory (a size beyond the
 * platform's limit is refused before it is sent) and sees the new size;
 * changes notify-keyspace-events after a preview that says it applies live,
 * and a client with the instance's credentials then receives keyspace
 * events; runs a genuinely slow command and finds it in the slow log card
 * with its key and without its value.
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
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  openRedisTab,
} from './harness';

const PORT = 7174;
const NAME = 'day-two';
const SECRET = 'e2e-secret-value-42';
/** Busy inside the server for tens of milliseconds, then writes the key. */
const SLOW_SCRIPT = `local i = 0
while i < 5000000 do i = i + 1 end
return redis.call('SET', KEYS[1], ARGV[1])`;

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'day-two',
  port: PORT,
  portRange: { start: 19360, end: 19379 },
  viewport: { width: 1400, height: 1200 },
  onReady: session => {
    ({ app, page } = session);
  },
});

test('a guest resizes, reconfigures and reads the slow log of an instance on its Redis tab', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-day-two.png'),
    () => dayTwo(),
  );
});

async function withClient<T>(
  connection: Connection,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = new Redis({
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

function card(title: string) {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

async function dayTwo() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Resized, tuned and watched for slow commands',
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
  const connection = await api.getConnection(id);
  await openRedisTab(page, app.baseUrl, NAME);

  await resize(api, id, connection);
  await reconfigure(connection);
  await slowLog(connection);
}

async function resize(api: DbaasApiClient, id: string, connection: Connection) {
  const { items } = await api.listPlatforms();
  const local = items.find(p => p.id === 'local')!;
  const { max } = local.limits.memoryMb;
  const resizeCard = card('Resize');
  const form = page.getByRole('form', { name: 'Resize' });
  await form.waitFor({ timeout: 30_000 });
  await resizeCard
    .getByText('Now: 64 MiB memory, 0.5 CPU cores, 1 GiB disk.')
    .waitFor();
  await form
    .getByText(`${local.limits.memoryMb.min} to ${max} MiB on ${local.title}`)
    .waitFor();
  const memory = form.getByRole('textbox', { name: 'Memory (MiB)' });
  const button = form.getByRole('button', { name: 'Resize' });

  await memory.fill(String(max + 1));
  await form
    .getByText(
      `must be between ${local.limits.memoryMb.min} and ${max} MiB on ${local.title}`,
    )
    .waitFor();
  assert.equal(await button.isDisabled(), true, 'too big is not sent');

  await memory.fill('128');
  await button.click();
  await resizeCard
    .getByText('Resized to 128 MiB memory, 0.5 CPU cores, 1 GiB disk.')
    .waitFor({ timeout: 60_000 });
  await resizeCard.screenshot({ path: join(SCREENSHOTS, 'resize-card.png') });
  await resizeCard.getByRole('button', { name: 'Done' }).click();
  await resizeCard
    .getByText('Now: 128 MiB memory, 0.5 CPU cores, 1 GiB disk.')
    .waitFor();

  assert.equal((await api.getInstance(id)).resources.memoryMb, 128);
  // the running server took it: maxmemory from INFO, as the application sees it
  const info = await withClient(connection, client => client.info('memory'));
  assert.match(info, /^maxmemory:134217728\r?$/m);
}

async function reconfigure(connection: Connection) {
  const configCard = card('Configuration');
  const events = configCard.getByRole('textbox', {
    name: 'notify-keyspace-events',
  });
  await events.fill('KEA');
  await configCard.getByRole('button', { name: 'Preview changes' }).click();
  const live = configCard.getByRole('list', {
    name: 'Applied live with CONFIG SET, no restart',
  });
  await live.getByText('notify-keyspace-events: (empty) → KEA').waitFor();
  await configCard
    .getByText(
      'Every change applies to the running server; clients stay connected.',
    )
    .waitFor();
  await configCard.screenshot({ path: join(SCREENSHOTS, 'config-card.png') });
  await configCard.getByRole('button', { name: 'Apply changes' }).click();
  await configCard
    .getByText('The settings were applied.')
    .waitFor({ timeout: 60_000 });

  // Applied: a subscriber with the instance's credentials hears a SET.
  const heard = await withClient(connection, async subscriber => {
    const message = new Promise<string>(resolve =>
      subscriber.on('message', (_channel, event) => resolve(event)),
    );
    await subscriber.subscribe('__keyspace@0__:e2e:notified');
    await withClient(connection, writer => writer.set('e2e:notified', 'x'));
    return Promise.race([
      message,
      new Promise<string>((_, reject) =>
        setTimeout(() => reject(new Error('no keyspace event')), 5000),
      ),
    ]);
  });
  assert.equal(heard, 'set');
}

async function slowLog(connection: Connection) {
  await withClient(connection, client =>
    client.eval(SLOW_SCRIPT, 1, 'e2e:slow', SECRET),
  );
  const slowCard = card('Slow log and latency');
  await slowCard.getByRole('button', { name: 'Refresh' }).click();
  const table = slowCard.getByRole('table', { name: 'slow commands' });
  const row = table.getByRole('row').filter({ hasText: 'e2e:slow' });
  await row.waitFor({ timeout: 15_000 });
  assert.match(await row.innerText(), /EVAL/);
  assert.match(await row.innerText(), /3 not shown/);
  assert.equal(
    (await page.content()).includes(SECRET),
    false,
    'the value is nowhere on the page',
  );
  await slowCard.screenshot({ path: join(SCREENSHOTS, 'slow-log-card.png') });
}
