/*
 * The portal's fixed details (issue 19) as a user meets them, in a real
 * browser against the real example app, on one Redis 7.0.15 instance of
 * Debian's deb12u7 build without TLS:
 * 1. the fleet page and the status page say "1 instance", and an instance's
 *    name on the fleet page opens its catalog entity on the Redis tab;
 * 2. the Overview card names the server's own uptime "Process uptime", and
 *    the Availability card's "Up for" is the health checks' figure, said so;
 * 3. the Operations card gives the create's duration with a tenth of a
 *    second, not "<1s";
 * 4. the Network chart's headline rounds byte rates to one decimal;
 * 5. the Versions card names versions upstream first with the build as a
 *    detail, says what the move to Valkey fixes and introduces, and on this
 *    never-upgraded instance says that no snapshot for a downgrade is kept
 *    (5a); no version on it reads as a raw package version (5b);
 * 6. the TLS-only advisory is marked as needing TLS, which the instance
 *    does not use.
 */
import assert from 'node:assert/strict';
import { test, TestContext } from 'node:test';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  DbaasApiClient,
  Instance,
  Operation,
  guestApi,
  guestToken,
  waitForOperation,
} from '../src/harness';
import {
  catalogHasEntity,
  eventually,
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  signInAsGuest,
} from './harness';

const PORT = 7177;
const NAME = 'portal-details';
const VERSION = '7.0.15+deb12u7';
const LABEL = 'Redis 7.0.15 (build deb12u7)';
const PATCH_LABEL = 'Redis 7.0.15 (build deb12u10)';
const VALKEY = '8.0.1+bpo12.1';
const VALKEY_LABEL = 'Valkey 8.0.1 (build bpo12.1)';
const DOWNGRADE = '6.0.16+deb11u2';
const DOWNGRADE_LABEL = 'Redis 6.0.16 (build deb11u2)';
/** Reached only through TLS (`requires: [tls]` in the shipped catalog). */
const TLS_ADVISORY = 'CVE-2026-81934';
const TLS_NOTE =
  'Needs TLS, which this instance does not use: not exposed unless TLS is turned on.';
/** formatDuration's words: "4.2s" below ten seconds, else "2m 5s", "3d 4h". */
const DURATION = String.raw`(\d\.\ds|\d+[dhms]( \d+[hms])?)`;

let app: BackendProcess;
let page: Page;
let client: Redis | undefined;
let traffic: NodeJS.Timeout | undefined;

useExampleAppSession({
  name: 'portal-details',
  port: PORT,
  portRange: { start: 19430, end: 19439 },
  viewport: { width: 1400, height: 1200 },
  // a sample and a health check every 2 s, so that charts and availability
  // fill while the test watches
  dbaas: {
    metrics: { intervalSeconds: 2 },
    healthCheck: { intervalSeconds: 2 },
  },
  onReady: session => {
    ({ app, page } = session);
  },
  beforeCleanup: () => {
    if (traffic) clearInterval(traffic);
    client?.disconnect();
  },
});

test('the portal details of issue 19, walked in the browser', async t => {
  const { api, instance, created } = await createInstance();
  await startTraffic(api, instance.id);
  await signInAsGuest(page, app.baseUrl);

  // Each item is its own subtest: one that fails is reported and the others
  // still run, so a run tells every item's state.
  await item(t, '1. the fleet says "1 instance" and opens the Redis tab', () =>
    fleetPage(),
  );
  await item(t, '2. process uptime on Overview, "Up for" on Availability', () =>
    uptimes(),
  );
  await item(
    t,
    '3. the create\'s duration keeps a tenth below 10 s, not "<1s"',
    () => operationDuration(created),
  );
  await item(t, '4. the Network headline rounds byte rates', sub =>
    networkHeadline(api, instance.id, sub),
  );
  await item(
    t,
    '5a. the Versions card: labels, the Valkey move, no snapshot',
    () => versionsCard(api, instance),
  );
  await item(t, '5b. the Versions card names no version by its raw build', () =>
    noRawVersions(),
  );
  await item(t, '6. the TLS-only advisory needs TLS, not used here', () =>
    tlsAdvisory(instance),
  );
});

function item(
  t: TestContext,
  name: string,
  fn: (t: TestContext) => Promise<void>,
) {
  const file = `failure-portal-details-${name.split('.')[0]}.png`;
  return t.test(name, sub =>
    withFailureScreenshot(page, join(SCREENSHOTS, file), () => fn(sub)),
  );
}

function card(title: string) {
  return page.locator('div.MuiCard-root').filter({
    has: page.locator('.MuiCardHeader-title', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

/** A row of a StructuredMetadataTable (or any table) by its first cell. */
function rowOf(within: ReturnType<typeof card>, title: string) {
  return within.locator('tr').filter({
    has: page.locator('td:first-child', {
      hasText: new RegExp(`^${title}$`),
    }),
  });
}

async function createInstance() {
  const api = await guestApi(app.baseUrl);
  const platform = (await api.listPlatforms()).items.find(
    p => p.id === 'local',
  );
  const offered = (engine: string) =>
    platform?.engines.find(e => e.engine === engine)?.versions ?? [];
  assert.deepEqual(
    [VERSION, DOWNGRADE].filter(v => offered('redis').includes(v)),
    [VERSION, DOWNGRADE],
    `the local platform runs Debian's builds (scripts/install-engines.sh); it runs redis ${offered(
      'redis',
    )}`,
  );
  assert.ok(
    offered('valkey').includes(VALKEY),
    `the local platform runs valkey ${VALKEY}; it runs ${offered('valkey')}`,
  );
  const accepted = await api.createInstance({
    body: {
      name: NAME,
      owner: 'group:default/team-a',
      description: 'Walked by the portal details browser test',
      engine: 'redis',
      version: VERSION,
      platform: 'local',
      region: 'local',
      resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
      persistence: 'rdb',
      maxmemoryPolicy: 'noeviction',
    },
  });
  const created = await waitForOperation(api, accepted.operation.id);
  assert.equal(created.status, 'succeeded');
  const instance = await api.getInstance(accepted.instance.id);
  const token = await guestToken(app.baseUrl);
  await eventually(
    'the entity is in the catalog',
    () =>
      catalogHasEntity(app.baseUrl, token, { kind: 'resource', name: NAME }),
    30_000,
  );
  return { api, instance, created };
}

/**
 * A light client: a short SET twice a second keeps the incoming rate
 * under 1 KiB/s, shown in B/s, the unit whose rates used to go unrounded
 * (a rate is bytes over the measured seconds between two samples, so it is
 * rarely a whole number).
 */
async function startTraffic(api: DbaasApiClient, id: string) {
  const connection = await api.getConnection(id);
  client = new Redis({
    host: connection.host,
    port: connection.port,
    username: connection.username,
    password: connection.password,
    lazyConnect: true,
  });
  client.on('error', () => {});
  await client.connect();
  let round = 0;
  traffic = setInterval(() => {
    round += 1;
    client!.set('traffic', 'v'.repeat(20 + (round % 17))).catch(() => {});
  }, 500);
}

function redisTabUrl() {
  return `${app.baseUrl}/catalog/default/resource/${NAME}/redis`;
}

/** The entity page is on its Redis tab and the tab shows the instance. */
async function onTheRedisTab() {
  await page.waitForURL(redisTabUrl());
  // the entity's tabs are links; the one of the page shown is current
  const entity = `/catalog/default/resource/${NAME}`;
  const current = page.locator('a[aria-current="page"]');
  await current
    .filter({ hasText: /^Redis$/ })
    .and(page.locator(`[href="${entity}/redis"]`))
    .first()
    .waitFor();
  assert.equal(
    await current.and(page.locator(`[href="${entity}"]`)).count(),
    0,
    'the Overview tab is not the current one',
  );
  await card('Overview').waitFor();
  await card('Version and security').waitFor();
}

async function fleetPage() {
  await page.goto(`${app.baseUrl}/dbaas`);
  const link = page.getByRole('link', { name: NAME, exact: true });
  await link.waitFor({ timeout: 30_000 });
  await page.getByText('Instances (1)', { exact: true }).waitFor();
  // the fleet's Engine column: the release, then the build as a detail
  const row = page.getByRole('row').filter({ has: link });
  assert.match(await row.innerText(), /7\.0\.15 \(build deb12u7\)/);
  assert.doesNotMatch(await row.innerText(), /\+deb12u7/);
  await page.screenshot({
    path: join(SCREENSHOTS, 'portal-fleet.png'),
    fullPage: true,
  });

  // the Security view counts the instance once, in the singular
  await page.getByRole('tab', { name: 'Security' }).click();
  await page
    .getByText('1 instance with open advisories', { exact: true })
    .waitFor({ timeout: 30_000 });
  assert.equal(await page.getByText(/\b1 instances\b/).count(), 0);
  // its name opens the Redis tab as well: that is where the advisories are
  await page.getByRole('link', { name: NAME, exact: true }).click();
  await onTheRedisTab();

  // the status page, one click from the fleet page, says it the same way
  await page.goto(`${app.baseUrl}/dbaas`);
  await page.getByRole('link', { name: 'Status' }).click();
  await page.getByText(/^1 instance, \d+ down$/).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByText(/\b1 instances\b/).count(), 0);

  // from the fleet page's list, the name opens the Redis tab, not Overview
  await page.goto(`${app.baseUrl}/dbaas`);
  await page.getByRole('link', { name: NAME, exact: true }).click();
  await onTheRedisTab();
}

async function uptimes() {
  await page.goto(redisTabUrl());
  // The server process's uptime: a restart or an upgrade sets it back.
  const overview = card('Overview');
  const processUptime = rowOf(overview, 'Process uptime');
  await eventually(
    'the Overview shows the process uptime',
    async () =>
      new RegExp(`^Process uptime\\s+${DURATION}$`).test(
        (await processUptime.innerText()).trim(),
      ),
    30_000,
  );
  assert.equal(
    await rowOf(overview, 'Uptime').count(),
    0,
    'no bare "Uptime" next to the Availability card\'s figure',
  );

  // Availability counts from the health checks: up since the run of good
  // checks began, which a restart between two checks does not reset.
  const availability = card('Availability');
  const now = rowOf(availability, 'Now');
  await eventually(
    'the Availability card says how long the instance has been up',
    async () =>
      new RegExp(`Up\\s+for\\s+${DURATION}`).test(await now.innerText()),
    30_000,
  );
  // and the card says what it counts, since the two figures differ
  await now
    .getByText(
      /^Answering every health check since .+\. A restart between two checks does not reset this, unlike the Overview's process uptime\.$/,
    )
    .waitFor();
}

async function operationDuration(created: Operation) {
  const ms = Date.parse(created.finishedAt!) - Date.parse(created.startedAt!);
  assert.ok(ms < 10_000, `the create ran ${ms} ms, not under 10 s`);
  const expected = `${(ms / 1000).toFixed(1)}s`;
  await page.goto(redisTabUrl());
  const table = card('Operations').getByRole('table', { name: 'operations' });
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'create', exact: true }) });
  await row.waitFor({ timeout: 30_000 });
  const duration = (await row.getByRole('cell').nth(5).innerText()).trim();
  assert.equal(duration, expected);
  assert.match(duration, /^\d\.\ds$/);
  assert.equal(await table.getByText('<1s').count(), 0);
}

async function networkHeadline(
  api: DbaasApiClient,
  id: string,
  t: TestContext,
) {
  await page.goto(redisTabUrl());
  const network = page.getByRole('figure', { name: 'Network', exact: true });
  const headline = network.locator('figcaption > *').nth(1);
  // Every headline seen is checked; the wait ends on one whose incoming
  // rate is in bytes per second, the unit that used to go unrounded (the
  // page's own requests to the instance can lift a sample above 1 KiB/s).
  const seen = new Set<string>();
  await eventually(
    'the Network chart shows an incoming rate in B/s',
    async () => {
      const text = (await headline.innerText()).trim();
      if (!/^in .+\/s · out .+\/s$/.test(text)) return false;
      seen.add(text);
      return / B\/s · /.test(text);
    },
    90_000,
  );
  t.diagnostic(`Network: ${[...seen].join(' | ')}`);
  for (const text of seen) {
    const numbers = text.match(/\d+(\.\d+)?/g) ?? [];
    assert.equal(numbers.length, 2, text);
    for (const number of numbers) {
      assert.match(number, /^\d+(\.\d)?$/, `"${number}" in "${text}"`);
    }
    assert.match(
      text,
      /^in \d+(\.\d)? (B|KiB|MiB)\/s · out \d+(\.\d)? (B|KiB|MiB)\/s$/,
    );
  }

  // and the API's rates are long fractions: the headline rounded them
  const to = Date.now();
  const { series } = await api.getMetricSeries(id, {
    query: {
      metric: 'net_in_bytes_per_sec',
      from: new Date(to - 600_000).toISOString(),
      to: new Date(to).toISOString(),
    },
  });
  const rates = series.flatMap(s => s.points.map(p => p.avg));
  t.diagnostic(`net_in_bytes_per_sec: ${rates.slice(-3).join(', ')}`);
  assert.ok(
    rates.some(rate => !/^\d+(\.\d)?$/.test(String(rate))),
    `the API's rates ${rates} need no rounding: the test proves nothing`,
  );
}

/** What advisoryChange says, worked out from the API's plan here. */
function expectedChange(
  candidate: { fixes: string[]; openAdvisories: string[] },
  current: Array<{ id: string; aliases?: string[] }>,
) {
  const known = new Set(current.flatMap(a => [a.id, ...(a.aliases ?? [])]));
  const introduced = candidate.openAdvisories.filter(id => !known.has(id));
  const kept = candidate.openAdvisories.length - introduced.length;
  const fixes = candidate.fixes.length;
  return [
    fixes === 0
      ? 'fixes no known advisory'
      : `fixes ${fixes} ${fixes === 1 ? 'advisory' : 'advisories'}`,
    ...(introduced.length ? [`introduces ${introduced.length}`] : []),
    ...(kept ? [`leaves ${kept} open`] : []),
  ].join(', ');
}

async function versionsCard(api: DbaasApiClient, instance: Instance) {
  await page.goto(redisTabUrl());
  const versions = card('Version and security');
  // the version the card is about, release first and build as a detail
  await versions
    .getByText(LABEL, { exact: true })
    .first()
    .waitFor({ timeout: 30_000 });
  await versions.scrollIntoViewIfNeeded();
  await versions.screenshot({
    path: join(SCREENSHOTS, 'portal-versions.png'),
  });
  // the Overview names it alike
  assert.match(
    await rowOf(card('Overview'), 'Engine').innerText(),
    /^Engine\s+Redis 7\.0\.15 \(build deb12u7\)$/,
  );

  const plan = await api.getUpgradePlan(instance.id);
  const current = (await api.getInstanceAdvisories(instance.id)).advisories;
  const candidate = (engine: string, version: string) => {
    const found = plan.candidates.find(
      c => c.engine === engine && c.version === version,
    );
    assert.ok(found, `the plan offers ${engine} ${version}`);
    return found;
  };

  // the patch: every advisory of deb12u7 is fixed in deb12u10
  const patch = versions.getByRole('group', { name: 'Patch versions' });
  await patch
    .getByRole('button', { name: `Upgrade to ${PATCH_LABEL}` })
    .waitFor();
  await patch.getByText(`fixes ${current.length} advisories`).waitFor();

  // the major move to Valkey, in words: what it fixes, what it brings in
  const valkey = candidate('valkey', VALKEY);
  const change = expectedChange(valkey, current);
  const major = versions.getByRole('group', { name: 'Major versions' });
  const majorOffer = major.locator('div').filter({
    has: page.getByRole('button', { name: `Upgrade to ${VALKEY_LABEL}` }),
  });
  await majorOffer.first().waitFor();
  await majorOffer.getByText(change, { exact: true }).waitFor();
  assert.match(change, /^fixes \d+ advisor(y|ies), introduces \d+/);

  // the downgrade: this instance was never upgraded, so no snapshot of the
  // older format is kept, and the card says so instead of promising one
  const downgrade = versions.getByRole('group', { name: 'Downgrade versions' });
  await downgrade
    .getByRole('button', { name: `Downgrade to ${DOWNGRADE_LABEL}` })
    .waitFor();
  const note = (await downgrade.innerText()).replace(/\s+/g, ' ');
  assert.match(note, /needs a snapshot restore/);
  assert.match(note, /no snapshot it can load is kept/);
  assert.match(note, /this instance was never upgraded/);
  assert.doesNotMatch(note, /taken before the upgrade/);

  // trying it anyway: the dialog cannot start it, and its refusal (behind
  // the "Request failed with 409" panel) says that no snapshot exists
  await downgrade
    .getByRole('button', { name: `Downgrade to ${DOWNGRADE_LABEL}` })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/Request failed with 409/).click();
  await dialog
    .getByText(/^No snapshot of portal-details .* can load exists/)
    .filter({ visible: true })
    .first()
    .waitFor();
  assert.doesNotMatch(await dialog.innerText(), /taken before the upgrade/);
  assert.equal(
    await dialog
      .getByRole('button', { name: 'Downgrade', exact: true })
      .isDisabled(),
    true,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Every version on the card reads as a release with its build after it,
 * the downgrade's note included, never as the package's raw version.
 */
async function noRawVersions() {
  await page.goto(redisTabUrl());
  const versions = card('Version and security');
  await versions.getByRole('group', { name: 'Downgrade versions' }).waitFor();
  const shown = (await versions.innerText()).replace(/\s+/g, ' ');
  for (const raw of [VERSION, DOWNGRADE, VALKEY, '7.0.15+deb12u10']) {
    assert.equal(
      shown.includes(raw),
      false,
      `the Versions card shows the raw version ${raw}: "${shown.slice(
        Math.max(0, shown.indexOf(raw) - 80),
        shown.indexOf(raw) + 80,
      )}"`,
    );
  }
}

async function tlsAdvisory(instance: Instance) {
  assert.equal(
    instance.endpoints.some(e => e.tls),
    false,
    'the instance has no TLS endpoint',
  );
  await page.goto(redisTabUrl());
  const advisories = page.getByRole('table', { name: 'advisories' });
  const row = advisories.getByRole('row').filter({
    // an external link's name ends with ", Opens in a new window"
    has: page.getByRole('link', { name: new RegExp(`^${TLS_ADVISORY}\\b`) }),
  });
  await row.waitFor({ timeout: 30_000 });
  await row.getByText(TLS_NOTE, { exact: true }).waitFor();
  // only that one: the others are reached without TLS
  assert.equal(await advisories.getByText(TLS_NOTE).count(), 1);
}
