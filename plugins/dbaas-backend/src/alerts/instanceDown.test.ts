import fs from 'fs';
import path from 'path';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { notificationsBackendFeatures } from './__testUtils__/notificationsBackend';

jest.setTimeout(90_000);

/** The health interval the test plays the scheduler at. */
const INTERVAL_MS = 1000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('an instance that dies', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18750, end: 18759 },
      dbaas: { healthCheck: { intervalSeconds: INTERVAL_MS / 1000 } },
      features: notificationsBackendFeatures(),
      config: { app: { baseUrl: 'http://localhost:3000' } },
    });
  });
  afterAll(() => backend?.stop());

  const get = async (url: string, user = ALICE) => {
    const res = await backend.api.get(url).set(backend.as(user));
    expect([url, res.status]).toEqual([url, 200]);
    return res.body;
  };
  const notificationsOf = async (user: string) =>
    (await get('/api/notifications/notifications', user))
      .notifications as Array<{
      payload: { title: string; severity: string; link: string };
    }>;
  const check = () => backend.triggerTask('dbaas-health-check');

  it('is down within two checks, gets one incident, one alert notification and one recovery notification', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({ name: 'watched', owner: 'group:default/team-a' }),
      );
    expect(created.status).toBe(202);
    const id = created.body.instance.id;
    await backend.waitForOperation(created.body.operation.id);

    await check();
    const healthy = await get(`/api/dbaas/instances/${id}/availability`);
    expect(healthy).toMatchObject({ up: true, uptime24h: 100, incidents: [] });

    // The local driver's supervisor restarts a dead server within a second.
    // It starts servers only under the instance's start lock and skips an
    // instance whose lock another backend holds, so holding the lock keeps
    // the killed server down until the test lets go.
    const folder = path.join(backend.dataDir, id);
    const lock = path.join(folder, 'start.lock');
    fs.writeFileSync(lock, `test ${process.pid}\n`, { flag: 'wx' });
    try {
      const pid = Number(
        fs.readFileSync(path.join(folder, 'redis.pid'), 'utf8'),
      );
      process.kill(pid, 'SIGKILL');
      const killedAt = Date.now();
      while (isAlive(pid)) await sleep(10);

      // Played as the scheduler would: one check per interval.
      let checks = 0;
      let status = 'running';
      while (status !== 'down' && checks < 5) {
        await sleep(INTERVAL_MS);
        await check();
        checks++;
        status = (await get(`/api/dbaas/instances/${id}`)).status;
      }
      expect(status).toBe('down');
      expect(checks).toBeLessThanOrEqual(2);

      const down = await get(`/api/dbaas/instances/${id}/availability`);
      expect(down.up).toBe(false);
      expect(down.openIncident).toMatchObject({ failedChecks: 1 });
      expect(down.openIncident.endedAt).toBeUndefined();
      expect(
        Date.parse(down.openIncident.startedAt) - killedAt,
      ).toBeLessThanOrEqual(2 * INTERVAL_MS + 500);
      expect(down.incidents).toHaveLength(1);
      // one failed check does not make an alert yet
      expect(await notificationsOf(ALICE)).toHaveLength(0);

      await sleep(INTERVAL_MS);
      await check();
      const firing = await get('/api/dbaas/alerts?state=firing');
      expect(firing.items).toEqual([
        expect.objectContaining({
          instanceId: id,
          instanceName: 'watched',
          rule: 'down',
          state: 'firing',
          owner: 'group:default/team-a',
        }),
      ]);
      expect(firing.items[0].notifiedAt).toBeDefined();

      // More failed checks: still the one alert and the one notification.
      await check();
      await check();
      const told = await notificationsOf(ALICE);
      expect(told.map(n => n.payload.title)).toEqual([
        expect.stringMatching(
          /^Redis watched: down for 2 health checks in a row/,
        ),
      ]);
      expect(told[0].payload).toMatchObject({
        severity: 'critical',
        link: '/catalog/default/resource/watched/redis',
      });
      expect(await notificationsOf(BOB)).toHaveLength(0);
      const status4 = await get(`/api/dbaas/instances/${id}/availability`);
      expect(status4.openIncident.failedChecks).toBe(4);
    } finally {
      fs.rmSync(lock, { force: true });
    }

    // The supervisor may revive it now; checks see it come back.
    const deadline = Date.now() + 30_000;
    let availability = await get(`/api/dbaas/instances/${id}/availability`);
    while (!availability.up && Date.now() < deadline) {
      await sleep(250);
      await check();
      availability = await get(`/api/dbaas/instances/${id}/availability`);
    }
    expect(availability.up).toBe(true);
    expect(availability.openIncident).toBeUndefined();
    const [incident] = availability.incidents;
    expect(availability.incidents).toHaveLength(1);
    expect(incident.failedChecks).toBeGreaterThanOrEqual(4);
    expect(Date.parse(incident.endedAt)).toBeGreaterThan(
      Date.parse(incident.startedAt),
    );
    expect(incident.durationSeconds).toBeCloseTo(
      (Date.parse(incident.endedAt) - Date.parse(incident.startedAt)) / 1000,
      3,
    );
    expect(availability.uptime24h).toBeLessThan(100);
    expect(availability.uptime24h).toBeGreaterThan(0);

    await check();
    await check();
    const told = await notificationsOf(ALICE);
    expect(told.map(n => n.payload.title).sort()).toEqual([
      'Redis watched: availability back to normal',
      expect.stringMatching(/^Redis watched: down for 2 health checks/),
    ]);
    const alerts = await get(`/api/dbaas/instances/${id}/alerts`);
    expect(alerts.items).toEqual([
      expect.objectContaining({
        rule: 'down',
        state: 'resolved',
        resolvedAt: expect.any(String),
        recoveryNotifiedAt: expect.any(String),
      }),
    ]);
    expect((await get('/api/dbaas/alerts?state=firing')).items).toEqual([]);

    const status = await get('/api/dbaas/status');
    expect(status.items).toEqual([
      expect.objectContaining({
        instanceId: id,
        name: 'watched',
        owner: 'group:default/team-a',
        status: 'running',
        up: true,
        firingAlerts: 0,
      }),
    ]);
    // tracked for seconds only, so the figure moves while the test reads it
    expect(status.items[0].uptime24h).toBeGreaterThan(availability.uptime24h);
    expect(status.items[0].uptime24h).toBeLessThan(100);
  });
});
