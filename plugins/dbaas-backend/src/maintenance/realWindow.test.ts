import { describeOpening } from '@justmanage/plugin-dbaas-common';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { notificationsBackendFeatures } from '../alerts/__testUtils__/notificationsBackend';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const hhmm = (date: Date) => date.toISOString().slice(11, 16);

/**
 * The whole path on the real clock and real binaries: a window that opens a
 * minute from now, the Debian security build 7.0.15+deb12u7 patched to
 * 7.0.15+deb12u10 by the maintenance job, owners told before and after
 * through the real notifications backend.
 */
describe('an automatic patch upgrade in a real window a minute ahead', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18920, end: 18939 },
      local: { engineDirs: ['/opt/justmanage/engines'] },
      features: notificationsBackendFeatures(),
      config: { app: { baseUrl: 'http://localhost:3000' } },
    });
  });
  afterAll(() => backend?.stop());

  const get = async (url: string) => {
    const res = await backend.api.get(url).set(backend.as(ALICE));
    expect([url, res.status]).toEqual([url, 200]);
    return res.body;
  };
  const runJob = () => backend.triggerTask('dbaas-maintenance');
  const notificationTitles = async () =>
    (
      (await get('/api/notifications/notifications')).notifications as Array<{
        payload: { title: string };
      }>
    )
      .map(n => n.payload.title)
      .sort();
  const decisions = async (id: string) =>
    (
      (await get(`/api/dbaas/instances/${id}/upgrade-policy/decisions`))
        .items as Array<{
        outcome: string;
        reason: string;
        operationId?: string;
      }>
    )
      .map(d => `${d.outcome} ${d.reason}`)
      .reverse();

  it('waits for the window, upgrades inside it, and reports', async () => {
    const platforms = await get('/api/dbaas/platforms');
    const redis = platforms.items
      .find((p: any) => p.id === 'local')
      .engines.find((e: any) => e.engine === 'redis').versions as string[];
    expect(redis).toEqual(
      expect.arrayContaining(['7.0.15+deb12u7', '7.0.15+deb12u10']),
    );

    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({ name: 'patched-nightly', version: '7.0.15+deb12u7' }),
      );
    expect(created.status).toBe(202);
    const id = created.body.instance.id;
    expect(
      (await backend.waitForOperation(created.body.operation.id)).status,
    ).toBe('succeeded');

    // The next whole minute, or the one after when this one is nearly over.
    let opens = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    if (opens.getTime() - Date.now() < 10_000) {
      opens = new Date(opens.getTime() + 60_000);
    }
    const closes = new Date(opens.getTime() + 30 * 60_000);
    const phrase = `daily ${hhmm(opens)}-${hhmm(closes)} UTC`;
    const policy = await backend.api
      .put(`/api/dbaas/instances/${id}/upgrade-policy`)
      .set(backend.as(ALICE))
      .send({ mode: 'auto-patch', windows: [phrase] });
    expect(policy.status).toBe(200);
    expect(policy.body.nextOpenings[0].start).toBe(opens.toISOString());

    await runJob();
    expect(
      (await get(`/api/dbaas/instances/${id}/operations`)).items,
    ).toHaveLength(1);
    expect(await decisions(id)).toEqual([
      'notified window-ahead',
      'skipped outside-window',
    ]);
    const planned = `Redis patched-nightly: patch upgrade to redis 7.0.15+deb12u10 planned ${
      describeOpening(
        { windowIndex: 0, start: opens, end: closes },
        policy.body.windows[0].window,
      ).inWindowZone
    }`;
    expect(await notificationTitles()).toEqual([planned]);

    await sleep(opens.getTime() - Date.now() + 500);
    await runJob();
    const started = (
      await get(`/api/dbaas/instances/${id}/operations`)
    ).items.find((op: any) => op.type === 'upgrade');
    expect(started).toMatchObject({
      createdBy: 'service:dbaas-maintenance',
      params: { kind: 'patch', to: { version: '7.0.15+deb12u10' } },
    });
    const finished = await backend.waitForOperation(started.id);
    expect(finished.status).toBe('succeeded');
    // The operation carries why it was started, and its log says it.
    const reason = `automatic patch upgrade in the maintenance window ${
      describeOpening(
        { windowIndex: 0, start: opens, end: closes },
        policy.body.windows[0].window,
      ).inWindowZone
    }`;
    expect(finished.params.reason).toBe(reason);
    expect(finished.log.map((l: { message: string }) => l.message)).toContain(
      `Started because: ${reason}`,
    );

    await runJob();
    expect(await get(`/api/dbaas/instances/${id}`)).toMatchObject({
      version: '7.0.15+deb12u10',
      status: 'running',
    });
    expect(await decisions(id)).toEqual([
      'notified window-ahead',
      'skipped outside-window',
      'started in-window',
      'succeeded upgrade-finished',
      'skipped no-patch-target',
    ]);
    expect(await notificationTitles()).toEqual([
      planned,
      'Redis patched-nightly: upgraded to redis 7.0.15+deb12u10',
    ]);
  });
});
