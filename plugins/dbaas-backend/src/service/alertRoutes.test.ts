import { DEFAULT_ALERT_RULES } from '@justmanage/plugin-dbaas-common';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { notificationsBackendFeatures } from '../alerts/__testUtils__/notificationsBackend';

jest.setTimeout(90_000);

describe('alert rules and alerts through the API', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18760, end: 18769 },
      // owners read their own instances only
      readAll: false,
      features: notificationsBackendFeatures(),
      config: { app: { baseUrl: 'http://localhost:3000' } },
    });
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'filling',
          resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
        }),
      );
    id = created.body.instance.id;
    await backend.waitForOperation(created.body.operation.id);
  });
  afterAll(() => backend?.stop());

  const rulesOf = async (user = ALICE) =>
    backend.api
      .get(`/api/dbaas/instances/${id}/alert-rules`)
      .set(backend.as(user));
  const putRules = (body: unknown, user = ALICE) =>
    backend.api
      .put(`/api/dbaas/instances/${id}/alert-rules`)
      .set(backend.as(user))
      .send(body as object);
  const titlesFor = async (user: string) =>
    (
      await backend.api
        .get('/api/notifications/notifications')
        .set(backend.as(user))
    ).body.notifications.map(
      (n: { payload: { title: string } }) => n.payload.title,
    );

  it('starts from the defaults', async () => {
    const res = await rulesOf();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      rules: DEFAULT_ALERT_RULES,
      defaults: DEFAULT_ALERT_RULES,
      overrides: {},
    });
  });

  it.each([
    [{ memory: { thresholdPercent: 150 } }, /memory.*thresholdPercent/],
    [{ memory: { thresholdPercent: 'high' } }, /memory.*thresholdPercent/],
    [{ down: { consecutiveChecks: 0 } }, /down.*consecutiveChecks/],
    [{ down: { consecutiveChecks: 2.5 } }, /down.*consecutiveChecks/],
    [
      { evictions: { thresholdPerSecond: -1 } },
      /evictions.*thresholdPerSecond/,
    ],
    [{ memory: { limit: 80 } }, /limit/],
    [{ disk: { enabled: true } }, /disk/],
  ])(
    'refuses %j with a 400 naming the field, changing nothing',
    async (body, field) => {
      const res = await putRules(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
      expect((await rulesOf()).body.overrides).toEqual({});
    },
  );

  it('lets only those who may update the instance change its rules', async () => {
    const res = await putRules({ memory: { thresholdPercent: 50 } }, BOB);
    expect(res.status).toBe(403);
    expect((await rulesOf()).body.overrides).toEqual({});
    expect((await rulesOf(BOB)).status).toBe(403);
  });

  it('fires the memory alert at the threshold the owner set, and tells the owner once, and of the recovery', async () => {
    await backend.triggerTask('dbaas-health-check');
    expect(
      (
        await backend.api
          .get(`/api/dbaas/instances/${id}/alerts`)
          .set(backend.as(ALICE))
      ).body.items,
    ).toEqual([]);

    const lowered = await putRules({ memory: { thresholdPercent: 5 } });
    expect(lowered.status).toBe(200);
    expect(lowered.body.rules.memory).toEqual({
      enabled: true,
      thresholdPercent: 5,
    });
    expect(lowered.body.overrides).toEqual({ memory: { thresholdPercent: 5 } });

    // 4 MiB of a 64 MiB maxmemory is over 5 %, whatever Redis itself uses
    const client = await backend.appClient(id);
    try {
      for (let i = 0; i < 4; i++)
        await client.set(`blob:${i}`, 'x'.repeat(1024 * 1024));
    } finally {
      client.disconnect();
    }

    await backend.triggerTask('dbaas-health-check');
    await backend.triggerTask('dbaas-health-check');
    const firing = (
      await backend.api
        .get('/api/dbaas/alerts?state=firing')
        .set(backend.as(ALICE))
    ).body.items;
    expect(firing).toEqual([
      expect.objectContaining({
        instanceName: 'filling',
        rule: 'memory',
        threshold: 5,
        message: expect.stringMatching(
          /^memory at \d+(\.\d)? % of maxmemory \(threshold 5 %\)$/,
        ),
      }),
    ]);
    expect(firing[0].value).toBeGreaterThan(6.25);

    // Bob reads neither the instance's alerts nor its status
    expect(
      (
        await backend.api
          .get('/api/dbaas/alerts?state=firing')
          .set(backend.as(BOB))
      ).body.items,
    ).toEqual([]);
    expect(
      (await backend.api.get('/api/dbaas/status').set(backend.as(BOB))).body
        .items,
    ).toEqual([]);
    expect(
      (
        await backend.api
          .get(`/api/dbaas/instances/${id}/availability`)
          .set(backend.as(BOB))
      ).status,
    ).toBe(403);
    const aliceStatus = (
      await backend.api.get('/api/dbaas/status').set(backend.as(ALICE))
    ).body;
    expect(aliceStatus.items).toEqual([
      expect.objectContaining({ name: 'filling', up: true, firingAlerts: 1 }),
    ]);

    // back to the default threshold: the alert resolves
    expect((await putRules({})).status).toBe(200);
    await backend.triggerTask('dbaas-health-check');
    const titles = await titlesFor(ALICE);
    expect(titles.sort()).toEqual([
      expect.stringMatching(
        /^Redis filling: memory at .* % of maxmemory \(threshold 5 %\)$/,
      ),
      'Redis filling: memory back to normal',
    ]);
    expect(await titlesFor(BOB)).toEqual([]);
  });
});
