/*
 * Platform nomad in the example app, in a real browser: the app's backend
 * has the Nomad module and a region on the Nomad test agent (whose client
 * runs each Redis as a real process in its own allocation). The New Redis
 * template offers platform nomad, a guest creates an instance on it, the
 * Redis tab shows it running at its allocation's address, and the
 * credentials it shows connect there.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import {
  BackendProcess,
  REPO_ROOT,
  guestToken,
  makeTempDir,
  redisProcesses,
  redisSetGet,
  removeDir,
} from '../src/harness';
import { NomadTestAgent } from '../src/platforms/nomad';
import {
  catalogHasEntity,
  eventually,
  waitForValue,
  withFailureScreenshot,
  useExampleAppSession,
  SCREENSHOTS,
  signInAsGuest,
} from './harness';

const PORT = 7185;
const NAME = 'nomad-sessions';
const AGENT_PORT = 19899;
const CLIENT_ADDRESS = '127.0.91.21';
const TASK_PORTS = { min: 19890, max: 19897 };
const ENGINES = '/opt/justmanage/engines';

// The policy the driver documents (docs/nomad.md), for the app's token.
const DRIVER_POLICY = `namespace "default" {
  capabilities = ["list-jobs", "read-job", "submit-job", "read-fs"]
  variables {
    path "nomad/jobs/jm-*" {
      capabilities = ["list", "read", "write", "destroy"]
    }
  }
}
`;

let app: BackendProcess;
let page: Page;
let agent: NomadTestAgent;
let agentDir: string;

/** dbaas.drivers.nomad of the app; its token is the agent's, known once it runs. */
const nomad: Record<string, unknown> = {
  address: `http://127.0.0.1:${AGENT_PORT}`,
  regions: [{ name: 'nomad-dc1', datacenters: ['dc1'] }],
  engines: [
    {
      engine: 'redis',
      version: '7.0.15',
      command: `${ENGINES}/redis-7.0.15+deb12u7/bin/redis-server`,
    },
  ],
  task: { minHealthyTimeMs: 200, checkIntervalMs: 200 },
};

/** The agent first: the app's config names it and carries its token. */
async function startAgent() {
  agentDir = await makeTempDir('jm-e2e-nomad-agent-');
  agent = await NomadTestAgent.start({
    dataDir: agentDir,
    port: AGENT_PORT,
    acl: true,
    nodes: [
      {
        name: 'client-1',
        address: CLIENT_ADDRESS,
        memoryMB: 2048,
        ports: TASK_PORTS,
      },
    ],
  });
  nomad.token = agent.createClientToken('justmanage', DRIVER_POLICY);
}

useExampleAppSession({
  name: 'nomad',
  prepare: startAgent,
  port: PORT,
  portRange: { start: 19880, end: 19889 },
  viewport: { width: 1400, height: 1000 },
  dbaas: { drivers: { nomad } },
  onReady: session => {
    ({ app, page } = session);
  },
});

// After the session's own clean-up, which deletes the instance through
// the app (and so through Nomad).
after(async () => {
  await agent?.stop();
  if (agentDir) {
    const left = await redisProcesses(agentDir);
    assert.equal(left.size, 0, 'no Nomad task outlives the test');
    await removeDir(agentDir);
  }
});

test('a guest creates a Redis on Nomad from the template and connects to it', async () => {
  await withFailureScreenshot(
    page,
    join(SCREENSHOTS, 'failure-nomad.png'),
    createOnNomad,
  );
});

async function createOnNomad() {
  await signInAsGuest(page, app.baseUrl);
  await page.goto(`${app.baseUrl}/create/templates/default/new-redis`);
  await page.getByLabel('Name').first().fill(NAME);
  await page.getByLabel('Description').first().fill('Sessions on Nomad');
  await page.getByLabel('Owner').click();
  await page.getByRole('option', { name: 'Team A', exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Placement: with two platforms none is chosen for the user; nomad is
  // offered next to local, with its own region and only the engine build
  // the Nomad region runs.
  const platform = page.getByLabel('Platform');
  await platform.waitFor();
  const offered = platform.locator('option:not([value=""])');
  await eventually(
    'both platforms are offered',
    async () => (await offered.count()) === 2,
    15_000,
  );
  assert.deepEqual(
    (await offered.evaluateAll(os => os.map(o => (o as any).value))).sort(),
    ['local', 'nomad'],
  );
  await platform.selectOption('nomad');
  await waitForValue(platform, 'nomad');
  await waitForValue(page.getByLabel('Region'), 'nomad-dc1');
  await waitForValue(page.getByLabel('Engine'), 'redis');
  // The one build the Nomad region runs; the picker leaves it to the user
  // after a change of platform.
  const version = page.getByLabel('Version');
  assert.deepEqual(
    await version
      .locator('option:not([value=""])')
      .evaluateAll(os => os.map(o => (o as any).value)),
    ['7.0.15'],
  );
  await version.selectOption('7.0.15');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Small (256 MiB)').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await openInCatalog.waitFor({ timeout: 180_000 });
  const token = await guestToken(app.baseUrl);
  await eventually(
    'the entity is in the catalog',
    () =>
      catalogHasEntity(app.baseUrl, token, { kind: 'resource', name: NAME }),
    30_000,
  );
  await openInCatalog.click();
  await page.locator(`a[href$="/resource/${NAME}/redis"]`).first().click();
  await page
    .getByText('Up', { exact: true })
    .first()
    .waitFor({ timeout: 60_000 });
  const host = await page
    .getByLabel('host', { exact: true })
    .first()
    .innerText();
  const port = Number(
    await page.getByLabel('port', { exact: true }).first().innerText(),
  );

  // The address is the Nomad allocation's: the client node's address and
  // a port from its dynamic range, where Nomad runs the one allocation.
  assert.equal(host, CLIENT_ADDRESS);
  assert.ok(
    port >= TASK_PORTS.min && port <= TASK_PORTS.max,
    `port ${port} from the client's dynamic range`,
  );
  const running = [...agent.state.allocs.values()].filter(
    a => a.ClientStatus === 'running' && a.JobID.startsWith('jm-'),
  );
  assert.equal(running.length, 1, 'one allocation runs the instance');
  assert.equal(running[0].TaskGroup, 'node-0');
  await page.screenshot({
    path: join(REPO_ROOT, 'docs', 'screenshots', 'nomad-instance.png'),
  });

  // The credentials the tab shows connect to the Redis Nomad runs.
  await page.getByRole('button', { name: 'Show credentials' }).click();
  const username = await page
    .getByLabel('username', { exact: true })
    .innerText();
  const password = await page
    .getByLabel('password', { exact: true })
    .innerText();
  assert.equal(
    await redisSetGet(
      { host, port, username, password, tls: false, url: '' },
      'e2e-nomad',
      'served by nomad',
    ),
    'served by nomad',
  );
  await page.keyboard.press('Escape');
}
