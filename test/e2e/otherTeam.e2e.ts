/*
 * Someone from another team may look but not touch: team-b's user sees
 * team-a's instance, but neither "Show credentials" nor "Delete instance",
 * and the API refuses both to them as well.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import {
  BackendProcess,
  REPO_ROOT,
  createRequest,
  guestToken,
  makeTempDir,
  redisProcesses,
  removeDir,
  guestApi,
  waitForOperation,
} from '../src/harness';
import {
  TEAM_A_GUEST,
  TEAM_B_GUEST,
  catalogHasEntity,
  deleteAllInstances,
  dbaasStatus,
  eventually,
  launchBrowser,
  requireAppBundle,
  startExampleApp,
  signInAsGuest,
} from './harness';

const PORT = 7131;
const PORTS = { start: 17980, end: 17989 };
const NAME = 'team-a-sessions';
const SCREENSHOTS = join(REPO_ROOT, 'var/e2e-screenshots');

let workDir: string;
let app: BackendProcess | undefined;
let browser: Browser;
let instanceId: string;

before(async () => {
  requireAppBundle();
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await makeTempDir('jm-e2e-other-');
  // team-a creates an instance...
  app = await startExampleApp({
    workDir,
    port: PORT,
    portRange: PORTS,
    guest: TEAM_A_GUEST,
  });
  const teamA = await guestApi(app.baseUrl);
  const accepted = await teamA.createInstance({
    body: createRequest(NAME, { owner: 'group:default/team-a' }),
  });
  instanceId = accepted.instance.id;
  const done = await waitForOperation(teamA, accepted.operation.id);
  assert.equal(done.status, 'succeeded');
  await app.stop();
  // ...then the same app comes back with the guest signed in as team-b's bob.
  app = await startExampleApp({
    workDir,
    port: PORT,
    portRange: PORTS,
    guest: TEAM_B_GUEST,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (app) {
    // clean up as team-a, the owner
    await app.stop();
    app = await startExampleApp({
      workDir,
      port: PORT,
      portRange: PORTS,
      guest: TEAM_A_GUEST,
    });
    await deleteAllInstances(app);
    await app.stop();
  }
  assert.equal((await redisProcesses(workDir)).size, 0);
  await removeDir(workDir);
});

test("another team's user is offered neither credentials nor delete", async () => {
  const baseUrl = app!.baseUrl;
  const token = await guestToken(baseUrl);
  await eventually(
    'the instance is in the catalog',
    () => catalogHasEntity(baseUrl, token, { kind: 'resource', name: NAME }),
    15_000,
  );

  const page = await browser.newPage();
  await signInAsGuest(page, baseUrl);
  await page.goto(`${baseUrl}/catalog/default/resource/${NAME}/redis`);

  // It can see the instance...
  await page
    .getByText('Up', { exact: true })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.getByLabel('port', { exact: true }).first().waitFor();
  // ...but the controls an owner has are not there. The notes that replace
  // them show the permission answers have arrived, so absence is not haste.
  await page.getByText("You may not see this instance's credentials").waitFor();
  await page.getByText("Only the instance's owners may delete it.").waitFor();
  await page.screenshot({
    path: join(SCREENSHOTS, 'redis-tab-other-team.png'),
  });
  assert.equal(
    await page.getByRole('button', { name: 'Show credentials' }).count(),
    0,
  );
  assert.equal(
    await page.getByRole('button', { name: 'Delete instance' }).count(),
    0,
  );

  // And the API refuses them too, whatever the UI shows.
  assert.equal(
    await dbaasStatus(
      baseUrl,
      token,
      'GET',
      `/instances/${instanceId}/connection`,
    ),
    403,
  );
  assert.equal(
    await dbaasStatus(baseUrl, token, 'DELETE', `/instances/${instanceId}`),
    403,
  );
  assert.equal(
    await dbaasStatus(baseUrl, token, 'GET', `/instances/${instanceId}`),
    200,
  );
});
