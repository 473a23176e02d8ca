import {
  ALICE,
  BOB,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(120_000);

describe('POST /instances/{id}/config/preview', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19390, end: 19399 },
      readAll: false,
    });
    id = await backend.createInstance({
      name: 'tuned',
      maxmemoryPolicy: 'allkeys-lru',
    });
  });
  afterAll(() => backend?.stop());

  const preview = (body: unknown, user = ALICE) =>
    backend.api
      .post(`/api/dbaas/instances/${id}/config/preview`)
      .set(backend.as(user))
      .send(body as object);

  async function operationCount() {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}/operations`)
      .set(backend.as(ALICE));
    return res.body.items.length;
  }

  it('says what would change and that it applies live, and changes nothing', async () => {
    const before = await operationCount();
    const res = await preview({
      maxmemoryPolicy: 'allkeys-lfu',
      config: { timeout: '300', 'notify-keyspace-events': 'Ex', hz: '10' },
    });
    expect(res.status).toBe(200);
    expect(res.body.restartNeeded).toBe(false);
    expect(
      res.body.changes.map((c: any) => [c.parameter, c.from, c.to, c.applies]),
    ).toEqual([
      ['maxmemory-policy', 'allkeys-lru', 'allkeys-lfu', 'live'],
      ['timeout', '0', '300', 'live'],
      ['notify-keyspace-events', '', 'Ex', 'live'],
    ]);
    expect(res.body.changes[1].note).toMatch(/^CONFIG SET timeout/);
    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body).toMatchObject({
      maxmemoryPolicy: 'allkeys-lru',
      config: {},
      status: 'running',
    });
    expect(await operationCount()).toBe(before);
  });

  it('says that a setting left out returns to its default only at the next restart', async () => {
    const patched = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ config: { timeout: '300' } });
    expect(patched.status).toBe(202);
    await backend.waitForOperation(patched.body.operation.id);
    const res = await preview({ config: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      restartNeeded: true,
      changes: [
        {
          parameter: 'timeout',
          from: '300',
          to: '0',
          applies: 'restart',
          note: 'no longer set: the running server keeps 300 until it restarts, then uses the default',
        },
      ],
    });
  });

  it('refuses what the PATCH would refuse, naming the field and the rule', async () => {
    const bad = await preview({ config: { timeout: 'soon' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'config.timeout: has an invalid value "soon": must be a whole number of seconds from 0 to 999999',
    );
    const managed = await preview({ config: { requirepass: 'x' } });
    expect(managed.status).toBe(400);
    expect(managed.body.error.message).toMatch(
      /^config\.requirepass: is not a tunable setting; allowed: timeout, /,
    );
    const other = await preview({ resources: { memoryMb: 128 } });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/resources: is not a known field/);
  });

  it('needs the update permission', async () => {
    const res = await preview({ config: { timeout: '1' } }, BOB);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/dbaas\.instance\.update/);
  });
});
