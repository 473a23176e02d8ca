/*
 * The first screen and connecting, in a real browser against the real
 * example app: guest sign-in lands on the fleet page, not on "not found";
 * the Redis tab reveals a URL that redis-cli connects with as pasted; a
 * replicated instance's lookup line finds the primary through a Sentinel,
 * and its ioredis snippet, run as shown, writes through the Sentinels.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  REPO_ROOT,
  guestApi,
  guestToken,
  waitForOperation,
} from '../src/harness';
import {
  catalogHasEntity,
  eventually,
  SCREENSHOTS,
  signInAsGuest,
  useExampleAppSession,
  withFailureScreenshot,
} from './harness';

const PORT = 7172;
const STANDALONE = 'connect-cache';
const REPLICATED = 'connect-orders';

let app: BackendProcess;
let page: Page;

useExampleAppSession({
  name: 'connect',
  port: PORT,
  portRange: { start: 19320, end: 19339 },
  viewport: { width: 1400, height: 1100 },
  onReady: session => {
    ({ app, page } = session);
  },
});

function redisCli(args: string[]): string {
  return execFileSync('redis-cli', args, { encoding: 'utf8' }).trim();
}

/** Runs a command line exactly as a user pasting it into a shell would. */
function shell(line: string): string {
  return execFileSync('sh', ['-c', line], { encoding: 'utf8' }).trim();
}

async function createInstance(name: string, replicas: number) {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name,
      owner: 'group:default/team-a',
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'none',
      maxmemoryPolicy: 'noeviction',
      replicas,
    },
  });
  const created = await waitForOperation(api, accepted.operation.id);
  assert.equal(created.status, 'succeeded', created.error ?? 'no error given');
  const token = await guestToken(app.baseUrl);
  await eventually(
    `${name} is in the catalog`,
    () => catalogHasEntity(app.baseUrl, token, { kind: 'resource', name }),
    30_000,
  );
}

/** Opens the instance's Redis tab and reveals its credentials. */
async function revealConnection(name: string) {
  await page.goto(`${app.baseUrl}/catalog/default/resource/${name}/redis`);
  await page
    .getByRole('button', { name: 'Show credentials' })
    .click({ timeout: 30_000 });
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('password', { exact: true }).waitFor();
  return dialog;
}

test('sign-in lands on the fleet page', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-connect-landing.png'),
    async () => {
      await signInAsGuest(page, app.baseUrl);
      await page
        .getByRole('heading', { name: 'Redis instances', exact: true })
        .waitFor();
      assert.equal(new URL(page.url()).pathname, '/dbaas');
      assert.equal(await page.getByText(/page not found/i).count(), 0);
    },
  );
});

test('the URL revealed on the Redis tab connects through redis-cli as pasted', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-connect-url.png'),
    async () => {
      await createInstance(STANDALONE, 0);
      const dialog = await revealConnection(STANDALONE);

      const url = await dialog
        .getByLabel('connection url', { exact: true })
        .innerText();
      const password = await dialog
        .getByLabel('password', { exact: true })
        .innerText();
      assert.match(url, /^redis:\/\/app:[^@]+@127\.0\.0\.1:\d+$/);
      assert.ok(url.includes(encodeURIComponent(password)));

      // the copy button puts exactly that text on the clipboard
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: app.baseUrl,
        });
      await dialog.getByRole('button', { name: 'Copy connection url' }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, url);

      assert.equal(redisCli(['-u', copied, 'SET', 'k', 'v']), 'OK');
      assert.equal(redisCli(['-u', copied, 'GET', 'k']), 'v');

      // the redis-cli line works pasted as it is, with a command appended
      const line = await dialog
        .getByLabel('redis-cli', { exact: true })
        .innerText();
      assert.equal(shell(`${line} GET k`), 'v');

      // the environment tab holds what the snippets read
      const env = await dialog
        .getByRole('region', { name: 'env snippet' })
        .innerText();
      const lines = env.split('\n');
      assert.ok(lines.includes(`REDIS_URL=${url}`));
      assert.ok(lines.includes(`REDIS_PORT=${new URL(url).port}`));
      assert.ok(lines.includes(`REDIS_PASSWORD=${password}`));
      await page.keyboard.press('Escape');
    },
  );
});

test('a replicated instance is reached through its Sentinels', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-connect-sentinel.png'),
    async () => {
      await createInstance(REPLICATED, 1);
      const dialog = await revealConnection(REPLICATED);
      const url = await dialog
        .getByLabel('connection url', { exact: true })
        .innerText();
      const password = await dialog
        .getByLabel('password', { exact: true })
        .innerText();
      const primaryPort = new URL(url).port;

      // the lookup line asks a Sentinel, which names the primary
      const lookup = await dialog
        .getByLabel('sentinel lookup', { exact: true })
        .innerText();
      assert.match(lookup, /SENTINEL GET-MASTER-ADDR-BY-NAME connect-orders$/);
      assert.deepEqual(shell(lookup).split('\n'), ['127.0.0.1', primaryPort]);

      await dialog.getByRole('tab', { name: 'Node.js: ioredis' }).click();
      const snippet = await dialog
        .getByRole('region', { name: 'ioredis snippet' })
        .innerText();
      assert.match(snippet, /sentinels: \[/);
      assert.match(snippet, /name: "connect-orders"/);
      assert.ok(!snippet.includes(password), 'the snippet holds no password');
      await dialog.screenshot({ path: join(SCREENSHOTS, 'connect.png') });

      // run the snippet as shown, with the password in the environment
      const dir = join(REPO_ROOT, 'var', 'e2e-connect');
      await mkdir(dir, { recursive: true });
      const file = join(dir, 'sentinel-snippet.mjs');
      await writeFile(
        file,
        `${snippet}\nconsole.log(await redis.get('greeting'));\nredis.disconnect();\n`,
      );
      try {
        const out = execFileSync(process.execPath, [file], {
          encoding: 'utf8',
          env: { ...process.env, REDIS_PASSWORD: password },
          timeout: 20_000,
        }).trim();
        assert.equal(out, 'hello');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      assert.equal(redisCli(['-u', url, 'GET', 'greeting']), 'hello');
      await page.keyboard.press('Escape');
    },
  );
});

test('the New Redis task page shows the redis-cli line and where the password is, never the password', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-connect-task.png'),
    async () => {
      const name = 'connect-task';
      const token = await guestToken(app.baseUrl);
      const headers = {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      };
      const started = await fetch(`${app.baseUrl}/api/scaffolder/v2/tasks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          templateRef: 'template:default/new-redis',
          values: {
            name,
            owner: 'group:default/team-a',
            placement: { platform: 'local', region: 'local' },
            engineVersion: { engine: 'redis', version: '7.0.15' },
            resources: { size: 'small', memoryMb: 256, cpu: 1, diskGb: 1 },
            persistence: 'none',
            maxmemoryPolicy: 'noeviction',
            replicas: 0,
            upgradeMode: 'manual',
          },
        }),
      });
      assert.equal(started.status, 201, await started.clone().text());
      const { id } = (await started.json()) as { id: string };

      type TaskEvent = {
        type: string;
        body: { message?: string; output?: { text?: { content: string }[] } };
      };
      let events: TaskEvent[] = [];
      await eventually(
        'the task has completed',
        async () => {
          const response = await fetch(
            `${app.baseUrl}/api/scaffolder/v2/tasks/${id}/events`,
            { headers },
          );
          events = (await response.json()) as TaskEvent[];
          return events.some(e => e.type === 'completion');
        },
        120_000,
      );
      const completion = events.find(e => e.type === 'completion')!;
      const text = completion.body.output?.text?.[0]?.content ?? '';
      const line = /redis-cli -h 127\.0\.0\.1 -p \d+ --user app --askpass/.exec(
        text,
      )?.[0];
      assert.ok(line, `the task output has the redis-cli line: ${text}`);
      assert.match(text, /\*\*Show credentials\*\*/);

      const api = await guestApi(app.baseUrl);
      const [instance] = (await api.listInstances({ query: { name } })).items;
      const { password } = await api.getConnection(instance.id);
      assert.ok(
        !JSON.stringify(events).includes(password),
        'the password is in neither the task log nor its output',
      );

      // the line works as shown: redis-cli asks for the password
      assert.equal(
        execFileSync('sh', ['-c', `${line} PING`], {
          encoding: 'utf8',
          input: `${password}\n`,
        }).trim(),
        'PONG',
      );

      await page.goto(`${app.baseUrl}/create/tasks/${id}`);
      await page.getByText(line).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'connect-task.png') });
    },
  );
});
