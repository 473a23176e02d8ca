/*
 * TLS on the Redis tab (issue 16), in a real browser against the real
 * example app: for an instance created with tls 'required', the TLS card
 * shows the CA (its fingerprint the one of the file Download CA saves) and
 * generation 1. With that file, the redis-cli line and the ioredis snippet
 * of Show credentials connect as shown, and a client of our own logs in
 * over TLS. Rotate certificates, confirmed in its dialog, runs to
 * generation 2 while that client keeps writing: the same connection
 * (same CLIENT ID) goes on with every write acknowledged, and a new
 * connection is served a new certificate, expiring when the card says.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { connect as connectTls, TLSSocket } from 'node:tls';
import Redis from 'ioredis';
import { Locator, Page } from 'playwright-core';
import {
  BackendProcess,
  DbaasApiClient,
  REPO_ROOT,
  guestApi,
  waitForOperation,
} from '../src/harness';
import {
  openRedisTab,
  SCREENSHOTS,
  useExampleAppSession,
  withFailureScreenshot,
} from './harness';

const PORT = 7179;
const NAME = 'tls-orders';
const CA_FILE = `${NAME}-ca.pem`;
/** Issuing, loading and checking a certificate on one node: seconds. */
const ROTATION_TIMEOUT_MS = 60_000;

let app: BackendProcess;
let page: Page;
const clients: Redis[] = [];
/** Where the downloaded CA is saved, and the pasted lines run. */
const workDir = join(REPO_ROOT, 'var', 'e2e-tls');

useExampleAppSession({
  name: 'tls',
  port: PORT,
  portRange: { start: 19450, end: 19459 },
  viewport: { width: 1400, height: 1200 },
  onReady: session => {
    ({ app, page } = session);
  },
  beforeCleanup: () => clients.forEach(c => c.disconnect()),
});

function card(title: string) {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

/** The certificate a new TLS connection trusting `ca` is shown. */
function servedCertificate(
  host: string,
  port: number,
  ca: string,
): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connectTls({ host, port, ca }, () => {
      resolve(socket.getPeerX509Certificate()!);
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

/** A client trusting `ca` that neither retries nor reconnects. */
async function tlsClient(url: string, ca: string): Promise<Redis> {
  const client = new Redis(url, {
    tls: { ca },
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

/** INCRs in a loop on one connection, counting what was acknowledged. */
function startWriter(client: Redis) {
  let writing = true;
  let acknowledged = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (writing) {
      try {
        await client.incr('rotation-counter');
        acknowledged += 1;
      } catch (error) {
        failures.push((error as Error).message);
      }
      await new Promise(resolve => setTimeout(resolve, 10));
    }
  })();
  return async () => {
    writing = false;
    await loop;
    return { acknowledged, failures };
  };
}

/** Waits until the element reads `text`: the card reloads after the rotation. */
async function textIs(locator: Locator, text: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.innerText();
  while (seen !== text) {
    if (Date.now() > deadline)
      throw new Error(`${locator} read '${seen}', not '${text}'`);
    await new Promise(resolve => setTimeout(resolve, 200));
    seen = await locator.innerText();
  }
}

async function latestRotation(api: DbaasApiClient, id: string) {
  const { items } = await api.listOperations(id);
  const operation = items.find(o => o.type === 'certificates');
  if (!operation) return 'no certificates operation';
  const { status, error, steps, log } = await api.getOperation(operation.id);
  return JSON.stringify({ status, error, steps, log });
}

test('the TLS card gives the CA clients trust, and a rotation from it keeps a connected client while new connections get the new certificate', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-tls.png'),
    async () => {
      await mkdir(workDir, { recursive: true });
      try {
        await tlsCardAndRotation();
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  );
});

async function tlsCardAndRotation() {
  const api = await guestApi(app.baseUrl);
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Orders, over TLS only',
      engine: 'redis',
      version: '7.0.15',
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'none',
      maxmemoryPolicy: 'noeviction',
      tls: 'required',
    },
  });
  const created = await waitForOperation(api, accepted.operation.id);
  assert.equal(created.status, 'succeeded', created.error ?? 'no error given');
  const id = accepted.instance.id;
  await openRedisTab(page, app.baseUrl, NAME);

  // the card: the CA by subject and fingerprint, generation 1
  const tlsCard = card('TLS');
  const subject = tlsCard.getByLabel('ca subject', { exact: true });
  await subject.waitFor({ timeout: 30_000 });
  assert.equal(await subject.innerText(), `CN=JustManage ${NAME} CA`);
  assert.equal(
    await tlsCard.getByLabel('certificate generation').innerText(),
    'generation 1',
  );
  assert.match(
    await tlsCard.getByLabel('certificates expiry').innerText(),
    /\(in 90 days\)$/,
  );

  // Download CA saves the PEM under the name the lines below read
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tlsCard.getByRole('button', { name: 'Download CA' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), CA_FILE);
  const caPath = join(workDir, CA_FILE);
  await download.saveAs(caPath);
  const ca = await readFile(caPath, 'utf8');
  const caCertificate = new X509Certificate(ca);
  assert.ok(caCertificate.ca, 'the file is a CA certificate');
  assert.equal(
    await tlsCard.getByLabel('ca fingerprint').innerText(),
    caCertificate.fingerprint256,
    "the card's fingerprint is the saved file's",
  );
  assert.match(
    await tlsCard.getByLabel('ca expiry').innerText(),
    new RegExp(`${new Date(caCertificate.validTo).getUTCFullYear()}`),
  );

  // the credentials dialog's redis-cli line and ioredis code, as pasted
  await page.getByRole('button', { name: 'Show credentials' }).click();
  const dialog = page.getByRole('dialog');
  const password = await dialog
    .getByLabel('password', { exact: true })
    .innerText();
  const url = await dialog
    .getByLabel('connection url', { exact: true })
    .innerText();
  assert.match(url, /^rediss:\/\/app:[^@]+@127\.0\.0\.1:\d+$/);
  assert.ok(url.includes(encodeURIComponent(password)));
  const line = await dialog
    .getByLabel('redis-cli', { exact: true })
    .innerText();
  assert.ok(line.startsWith(`redis-cli --tls --cacert ${CA_FILE} -u `), line);
  assert.equal(
    execFileSync('sh', ['-c', `${line} SET greeting hello`], {
      cwd: workDir,
      encoding: 'utf8',
    }).trim(),
    'OK',
  );
  await dialog.getByRole('tab', { name: 'Node.js: ioredis' }).click();
  const snippet = await dialog
    .getByRole('region', { name: 'ioredis snippet' })
    .innerText();
  assert.match(snippet, new RegExp(`readFileSync\\("${CA_FILE}"\\)`));
  assert.ok(!snippet.includes(password), 'the snippet holds no password');
  const snippetFile = join(workDir, 'snippet.mjs');
  await writeFile(
    snippetFile,
    `${snippet}\nconsole.log(await redis.get('greeting'));\nredis.disconnect();\n`,
  );
  assert.equal(
    execFileSync(process.execPath, [snippetFile], {
      cwd: workDir,
      encoding: 'utf8',
      env: { ...process.env, REDIS_URL: url },
      timeout: 20_000,
    }).trim(),
    'hello',
  );
  await dialog.screenshot({ path: join(SCREENSHOTS, 'tls-connect.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // a client of our own, trusting the saved CA, stays connected throughout
  const { hostname: host, port } = new URL(url);
  const client = await tlsClient(url, ca);
  const clientId = await client.client('ID');
  assert.equal(await client.get('greeting'), 'hello');
  const before = await servedCertificate(host, Number(port), ca);
  const stopWriting = startWriter(client);

  await tlsCard.getByRole('button', { name: 'Rotate certificates' }).click();
  const confirm = page.getByRole('dialog');
  await confirm
    .getByText(`Rotate the certificates of ${NAME}?`, { exact: true })
    .waitFor();
  await confirm
    .getByText(
      /new certificate \(generation 2\).*Connected clients stay connected/,
    )
    .waitFor();
  await confirm.getByRole('button', { name: 'Rotate certificates' }).click();
  await confirm.waitFor({ state: 'detached' });

  const succeeded = tlsCard.getByText(
    'Every node serves the new certificates of generation 2; clients keep trusting the same CA.',
  );
  const failed = tlsCard.getByText(/^The rotation failed/);
  await succeeded.or(failed).waitFor({ timeout: ROTATION_TIMEOUT_MS });
  if (await failed.isVisible()) {
    assert.fail(
      `${await failed.innerText()}; the operation: ${await latestRotation(
        api,
        id,
      )}`,
    );
  }
  await textIs(tlsCard.getByLabel('certificate generation'), 'generation 2');
  await tlsCard.screenshot({ path: join(SCREENSHOTS, 'tls-card.png') });

  const written = await stopWriting();
  assert.deepEqual(written.failures, [], 'no write failed');
  assert.ok(written.acknowledged > 20, `${written.acknowledged} writes`);
  assert.equal(
    await client.client('ID'),
    clientId,
    'the connection opened before the rotation is the same',
  );
  assert.equal(
    Number(await client.get('rotation-counter')),
    written.acknowledged,
  );

  // a new connection is served the new certificate, of the same CA
  const after = await servedCertificate(host, Number(port), ca);
  assert.notEqual(after.fingerprint256, before.fingerprint256);
  assert.ok(after.checkIssued(caCertificate));
  const tls = await api.getInstanceTls(id);
  assert.equal(tls.generation, 2);
  assert.equal(
    Math.floor(Date.parse(after.validTo) / 1000),
    Math.floor(Date.parse(tls.certificatesExpireAt!) / 1000),
    'the certificate served expires when GET /tls says',
  );
  const fresh = await tlsClient(url, ca);
  assert.equal(await fresh.ping(), 'PONG');
}
