import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { METRICS_COLLECT_TASK } from '../metrics/startMetrics';

jest.setTimeout(90_000);

describe('alerts on collected metrics', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18770, end: 18779 },
    });
  });
  afterAll(() => backend?.stop());

  const firing = async () =>
    (
      await backend.api
        .get('/api/dbaas/alerts?state=firing')
        .set(backend.as(ALICE))
    ).body.items as Array<{ rule: string; value: number; message: string }>;

  it('fires evictions while keys are evicted and resolves once they stop', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'evicting',
          resources: { memoryMb: 16, cpu: 0.5, diskGb: 1 },
          maxmemoryPolicy: 'allkeys-lru',
        }),
      );
    const id = created.body.instance.id;
    await backend.waitForOperation(created.body.operation.id);

    await backend.triggerTask(METRICS_COLLECT_TASK);
    await backend.triggerTask('dbaas-health-check');
    expect(await firing()).toEqual([]);

    // 32 MiB into a 16 MiB maxmemory: the LRU policy evicts about half
    const client = await backend.appClient(id);
    try {
      for (let i = 0; i < 64; i++) {
        await client.set(`page:${i}`, 'x'.repeat(512 * 1024));
      }
      const info = await client.info('stats');
      expect(Number(/evicted_keys:(\d+)/.exec(info)![1])).toBeGreaterThan(10);
    } finally {
      client.disconnect();
    }

    await backend.triggerTask(METRICS_COLLECT_TASK);
    await backend.triggerTask('dbaas-health-check');
    const during = await firing();
    expect(during.map(a => a.rule).sort()).toEqual(['evictions', 'memory']);
    const evictions = during.find(a => a.rule === 'evictions')!;
    expect(evictions.value).toBeGreaterThan(0);
    expect(evictions.message).toMatch(
      /^evicting [\d.]+ keys\/s \(threshold 0 keys\/s\)$/,
    );

    // no writes since: the rate is zero at the next collection
    await new Promise(r => setTimeout(r, 200));
    await backend.triggerTask(METRICS_COLLECT_TASK);
    await backend.triggerTask('dbaas-health-check');
    expect((await firing()).map(a => a.rule)).toEqual(['memory']);
    const history = (
      await backend.api
        .get(`/api/dbaas/instances/${id}/alerts?state=resolved`)
        .set(backend.as(ALICE))
    ).body.items;
    expect(history).toEqual([
      expect.objectContaining({
        rule: 'evictions',
        resolvedAt: expect.any(String),
      }),
    ]);
  });
});
