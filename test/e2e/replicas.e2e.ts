/*
 * Replicas after creation (issue 19), in a real browser against the real
 * example app: while an application writes to the primary, the guest takes
 * a standalone instance to 2 replicas on the Redis tab's Replicas card (the
 * primary now has 2 connected replicas and the Sentinels name it), then
 * back to 0 (no replica left, the Sentinels' ports closed). Not one
 * acknowledged write is lost, and the writer sees no more than a few errors.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test, TestContext } from 'node:test';
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
import { AcknowledgedWriter } from './harness/acknowledgedWriter';

const PORT = 7176;
const NAME = 'replicated-later';
/** A change with a full sync and three new processes: minutes, not seconds. */
const CHANGE_TIMEOUT_MS = 240_000;
/** A blip while the topology changes may cost a write or two, not more. */
const MAX_WRITER_ERRORS = 5;

let app: BackendProcess;
let page: Page;
let writer: AcknowledgedWriter | undefined;

useExampleAppSession({
  name: 'replicas',
  port: PORT,
  portRange: { start: 19410, end: 19429 },
  viewport: { width: 1400, height: 1200 },
  onReady: session => {
    ({ app, page } = session);
  },
  beforeCleanup: () => {
    // a failed test must not leave the writer retrying a deleted instance
    void writer?.stop();
  },
});

test('a guest adds 2 replicas and removes them again on the Redis tab while a client writes, and no acknowledged write is lost', async t => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-replicas.png'),
    () => replicasUpAndDown(t),
  );
});

function card(title: string) {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

async function withClient<T>(
  endpoint: { host: string; port: number },
  connection: Connection,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = new Redis({
    host: endpoint.host,
    port: endpoint.port,
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

/** True when something accepts a TCP connection on the port. */
function answers(endpoint: { host: string; port: number }): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(endpoint.port, endpoint.host);
    socket.setTimeout(2000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

/** INFO replication's fields, e.g. connected_slaves and slave0. */
async function replicationInfo(connection: Connection) {
  const info = await withClient(connection, connection, client =>
    client.info('replication'),
  );
  return Object.fromEntries(
    info
      .split(/\r?\n/)
      .filter(line => line.includes(':'))
      .map(line => [
        line.slice(0, line.indexOf(':')),
        line.slice(line.indexOf(':') + 1),
      ]),
  );
}

async function replicasUpAndDown(t: TestContext) {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Standalone at first, replicated later, standalone again',
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'rdb',
      // an evicted key would look like a lost write
      maxmemoryPolicy: 'noeviction',
    },
  });
  assert.equal(
    (await waitForOperation(api, accepted.operation.id)).status,
    'succeeded',
  );
  const id = accepted.instance.id;
  // The primary stays the first node throughout: the writer keeps to it.
  const primary = await api.getConnection(id);
  writer = await AcknowledgedWriter.start(primary);
  await openRedisTab(page, app.baseUrl, NAME);

  const added = await addTwoReplicas(api, id, primary);
  await removeThemAgain(api, id, primary, added);

  const report = await writer.stop();
  const lost = await writer.lostOn(primary);
  t.diagnostic(
    `writer: ${report.acknowledged} acknowledged, ${lost.length} lost, ${report.errors} errors, longest gap ${report.longestGapMs} ms`,
  );
  assert.deepEqual(lost, [], 'every acknowledged write is on the primary');
  assert.ok(
    report.errors <= MAX_WRITER_ERRORS,
    `the writer saw ${report.errors} errors: ${report.firstErrors.join('; ')}`,
  );
}

/** The latest replicas operation, as the API tells it, for a failure's message. */
async function latestChange(api: DbaasApiClient, id: string) {
  const { items } = await api.listOperations(id);
  const operation = items.find(o => o.type === 'replicas');
  return JSON.stringify(
    operation && {
      status: operation.status,
      error: operation.error,
      steps: operation.steps,
    },
  );
}

/**
 * Sets the count on the card, confirms, and waits until the card says how
 * the change went; a failure is reported with the operation's steps.
 */
async function changeReplicas(
  api: DbaasApiClient,
  id: string,
  change: {
    count: number;
    confirmation: string;
    done: string;
    /** A file name in SCREENSHOTS for the confirmation. */
    screenshot?: string;
  },
) {
  const replicasCard = card('Replicas');
  const form = page.getByRole('form', { name: 'Replicas' });
  await form
    .getByRole('textbox', { name: 'Replicas' })
    .fill(String(change.count));
  await form.getByRole('button', { name: 'Apply' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(change.confirmation).waitFor();
  if (change.screenshot) {
    await dialog.screenshot({ path: join(SCREENSHOTS, change.screenshot) });
  }
  const before = writer!.acknowledged;
  await dialog.getByRole('button', { name: 'Change replicas' }).click();
  const done = replicasCard.getByText(change.done);
  const failed = replicasCard.getByText(/^The change of replicas failed/);
  await done.or(failed).waitFor({ timeout: CHANGE_TIMEOUT_MS });
  if (await failed.isVisible()) {
    assert.fail(
      `${await failed.innerText()}; the operation: ${await latestChange(
        api,
        id,
      )}`,
    );
  }
  assert.ok(
    writer!.acknowledged > before,
    'the primary kept acknowledging writes during the change',
  );
  return replicasCard;
}

async function addTwoReplicas(
  api: DbaasApiClient,
  id: string,
  primary: Connection,
) {
  const { items } = await api.listPlatforms();
  const local = items.find(p => p.id === 'local')!;
  const replicasCard = card('Replicas');
  await replicasCard
    .getByText('Standalone: the primary alone, without replicas or Sentinels.')
    .waitFor({ timeout: 30_000 });
  await replicasCard
    .getByText(`0 to ${local.ha.maxReplicas} on ${local.title}`)
    .waitFor();

  await changeReplicas(api, id, {
    count: 2,
    confirmation:
      'Adds 2 replicas and 3 Sentinels; the primary keeps serving. Connect through the Sentinels to follow failovers.',
    done: 'Now 2 replicas and 3 Sentinels.',
    screenshot: 'replicas-confirm.png',
  });
  await replicasCard.getByRole('button', { name: 'Done' }).click();
  await replicasCard
    .getByText(
      'The primary with 2 replicas and 3 Sentinels. Clients should connect through the Sentinels, which point them to the primary after a failover.',
    )
    .waitFor();

  // The Sentinels the tab names are those the connection details give.
  const { sentinel } = await api.getConnection(id);
  assert.ok(sentinel, 'a replicated instance has Sentinels to connect through');
  assert.equal(sentinel.endpoints.length, 3);
  await replicasCard
    .getByText(
      `Sentinels at ${sentinel.endpoints
        .map(e => `${e.host}:${e.port}`)
        .join(', ')}.`,
    )
    .waitFor();
  await replicasCard.screenshot({
    path: join(SCREENSHOTS, 'replicas-card.png'),
  });

  const info = await replicationInfo(primary);
  assert.equal(info.role, 'master');
  assert.equal(info.connected_slaves, '2');
  assert.match(info.slave0, /state=online/);
  assert.match(info.slave1, /state=online/);
  const [host, port] = await withClient(
    sentinel.endpoints[0],
    primary,
    client =>
      client.call(
        'SENTINEL',
        'get-master-addr-by-name',
        sentinel.masterName,
      ) as Promise<[string, string]>,
  );
  assert.equal(
    Number(port),
    primary.port,
    `the Sentinel names ${host}:${port}`,
  );
  const { endpoints } = await api.getInstance(id);
  const replicas = endpoints.filter(e => e.role === 'replica');
  assert.equal(replicas.length, 2);
  return [...sentinel.endpoints, ...replicas];
}

async function removeThemAgain(
  api: DbaasApiClient,
  id: string,
  primary: Connection,
  removed: Array<{ host: string; port: number }>,
) {
  const replicasCard = await changeReplicas(api, id, {
    count: 0,
    confirmation:
      'Removes the 2 replicas and the 3 Sentinels. If a replica is the primary now, the primary role moves to the first node first, with writes held for a moment.',
    done: 'Now standalone: the replicas and the Sentinels were removed.',
  });
  await replicasCard.getByRole('button', { name: 'Done' }).click();
  await replicasCard
    .getByText('Standalone: the primary alone, without replicas or Sentinels.')
    .waitFor();

  const info = await replicationInfo(primary);
  assert.equal(info.role, 'master');
  assert.equal(info.connected_slaves, '0');
  for (const endpoint of removed) {
    assert.equal(
      await answers(endpoint),
      false,
      `nothing answers at ${endpoint.host}:${endpoint.port} any more`,
    );
  }
  const instance = await api.getInstance(id);
  assert.equal(instance.replicas, 0);
  assert.deepEqual(
    instance.endpoints.map(e => e.role),
    ['primary'],
  );
}
