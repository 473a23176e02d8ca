import fs from 'fs';
import path from 'path';
import Redis from 'ioredis';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import { METRICS_COLLECT_TASK } from './startMetrics';

jest.setTimeout(120_000);

const MiB = 1024 * 1024;

describe('metrics of a real Redis', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const clients: Redis[] = [];

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18700, end: 18719 },
      dbaas: { metrics: { timeoutMs: 500 } },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await backend.stop();
  });

  async function appClient(id: string): Promise<Redis> {
    // restarts in these tests must not be hidden by reconnects
    const client = await backend.appClient(id, { retryStrategy: () => null });
    client.on('error', () => {});
    clients.push(client);
    return client;
  }

  async function get(url: string) {
    return backend.api.get(`/api/dbaas${url}`).set(backend.as(ALICE));
  }

  async function latest(id: string) {
    const res = await get(`/instances/${id}/metrics/latest`);
    expect(res.status).toBe(200);
    return res.body as { collectedAt: string; values: Record<string, number> };
  }

  // A second apart at least, so that each collection has a 1 s step of its own.
  const collect = async () => {
    await new Promise(r => setTimeout(r, 1000));
    await backend.triggerTask(METRICS_COLLECT_TASK);
  };
  const secondsBetween = (
    a: { collectedAt: string },
    b: { collectedAt: string },
  ) => (Date.parse(b.collectedAt) - Date.parse(a.collectedAt)) / 1000;
  const statsField = async (client: Redis, field: string) =>
    Number(
      new RegExp(`^${field}:(\\d+)`, 'm').exec(await client.info('stats'))![1],
    );

  it('reports a known workload, evictions and a restart without negative rates', async () => {
    const started = new Date(Date.now() - 60_000).toISOString();
    const id = await backend.createInstance({
      name: 'measured',
      resources: { memoryMb: 16, cpu: 0.5, diskGb: 1 },
      maxmemoryPolicy: 'allkeys-lru',
      persistence: 'aof',
    });
    const app = await appClient(id);

    await collect();
    const before = await latest(id);
    expect(before.values).toMatchObject({
      keys: 0,
      memory_max_bytes: 16 * MiB,
    });

    // 100 keys, 40 of them expiring; 30 hits and 20 misses
    const workload = app.pipeline();
    for (let i = 0; i < 100; i++) {
      if (i < 40) workload.set(`session:${i}`, 'v', 'EX', 1000);
      else workload.set(`user:${i}`, 'v');
    }
    for (let i = 40; i < 70; i++) workload.get(`user:${i}`);
    for (let i = 0; i < 20; i++) workload.get(`missing:${i}`);
    await workload.exec();

    await collect();
    const after = await latest(id);
    const dt = secondsBetween(before, after);
    expect(after.values.keys).toBe(100);
    expect(after.values.expiring_keys).toBe(40);
    expect(after.values.hit_ratio).toBeCloseTo(0.6, 10);
    expect(after.values.hits_per_sec * dt).toBeCloseTo(30, 6);
    expect(after.values.misses_per_sec * dt).toBeCloseTo(20, 6);
    // 150 commands of the workload, the collector's previous INFO, the client's own setup
    // (a rate times its interval is a count again, up to floating point)
    const commands = Math.round(after.values.ops_per_sec * dt);
    expect(commands).toBeGreaterThanOrEqual(151);
    expect(commands).toBeLessThan(160);
    // the app's connection and the collector's own
    expect(after.values.connected_clients).toBeGreaterThanOrEqual(2);
    expect(after.values.memory_rss_bytes).toBeGreaterThan(MiB);
    expect(after.values.cpu_percent).toBeGreaterThanOrEqual(0);
    // the append-only file grew with the writes
    expect(after.values.disk_used_bytes).toBeGreaterThan(
      before.values.disk_used_bytes,
    );

    const keyspace = await get(`/instances/${id}/keyspace`);
    expect(keyspace.status).toBe(200);
    expect(keyspace.body.databases).toEqual([
      expect.objectContaining({ db: 0, keys: 100, expiringKeys: 40 }),
    ]);
    // avg_ttl is an estimate Redis refines as its expire cycle samples keys
    const deadline = Date.now() + 5000;
    let ttl: number | undefined;
    while (ttl === undefined && Date.now() < deadline) {
      ttl = (await get(`/instances/${id}/keyspace`)).body.databases[0]
        .averageTtlSeconds;
      if (ttl === undefined) await new Promise(r => setTimeout(r, 200));
    }
    expect(ttl).toBeGreaterThan(900);
    expect(ttl).toBeLessThanOrEqual(1000);

    const replication = await get(`/instances/${id}/replication`);
    expect(replication.status).toBe(200);
    expect(replication.body).toMatchObject({
      role: 'primary',
      connectedReplicas: 0,
      replicas: [],
      nodes: [expect.objectContaining({ role: 'primary' })],
    });

    // 40 MiB into a 16 MiB allkeys-lru instance must evict
    const evictedBefore = await statsField(app, 'evicted_keys');
    const big = 'x'.repeat(MiB);
    for (let i = 0; i < 40; i++) await app.set(`blob:${i}`, big);
    const evicted = (await statsField(app, 'evicted_keys')) - evictedBefore;
    expect(evicted).toBeGreaterThan(0);
    await collect();
    const evicting = await latest(id);
    const dt2 = secondsBetween(after, evicting);
    expect(evicting.values.evictions_per_sec * dt2).toBeCloseTo(evicted, 6);
    expect(evicting.values.keys).toBeLessThan(140);
    expect(evicting.values.memory_used_bytes).toBeLessThan(17 * MiB);

    // the stored series say the same
    const series = await get(
      `/instances/${id}/metrics?metric=keys,hit_ratio,evictions_per_sec&from=${started}&step=1`,
    );
    expect(series.status).toBe(200);
    expect(series.body.resolution).toBe('raw');
    const points = (metric: string) =>
      series.body.series.find((s: { metric: string }) => s.metric === metric)
        .points;
    expect(points('keys').map((p: { avg: number }) => p.avg)).toEqual(
      expect.arrayContaining([0, 100, evicting.values.keys]),
    );
    expect(
      points('hit_ratio').map((p: { avg: number }) => p.avg),
    ).toContainEqual(expect.closeTo(0.6, 10));
    expect(points('evictions_per_sec').at(-1).avg).toBeCloseTo(
      evicting.values.evictions_per_sec,
      6,
    );

    // kill -9: the supervisor restarts the server with every counter at zero
    const pidfile = path.join(backend.dataDir, id, 'redis.pid');
    const oldPid = Number(fs.readFileSync(pidfile, 'utf8'));
    process.kill(oldPid, 'SIGKILL');
    const restartDeadline = Date.now() + 30_000;
    let restarted: Awaited<ReturnType<typeof latest>> | undefined;
    while (!restarted && Date.now() < restartDeadline) {
      await new Promise(r => setTimeout(r, 300));
      await collect();
      const now = await latest(id);
      if (now.collectedAt !== evicting.collectedAt) restarted = now;
    }
    expect(restarted).toBeDefined();
    for (const rate of [
      'ops_per_sec',
      'hits_per_sec',
      'net_in_bytes_per_sec',
      'cpu_percent',
    ]) {
      expect(restarted!.values).not.toHaveProperty(rate);
    }
    await collect();
    const resumed = await latest(id);
    expect(resumed.values.ops_per_sec).toBeGreaterThan(0);

    const rates = await get(
      `/instances/${id}/metrics?metric=ops_per_sec,hits_per_sec,misses_per_sec,evictions_per_sec,expired_per_sec,net_in_bytes_per_sec,net_out_bytes_per_sec,cpu_percent&from=${started}&step=1`,
    );
    const allPoints = rates.body.series.flatMap(
      (s: { points: Array<{ min: number }> }) => s.points,
    );
    expect(allPoints.length).toBeGreaterThan(20);
    expect(allPoints.filter((p: { min: number }) => p.min < 0)).toEqual([]);
  });

  it('collects the others while one instance hangs', async () => {
    const hung = await backend.createInstance({ name: 'hung' });
    const healthy = await backend.createInstance({ name: 'healthy' });
    await collect();
    const healthyBefore = await latest(healthy);
    const hungBefore = await latest(hung);
    const pid = Number(
      fs.readFileSync(path.join(backend.dataDir, hung, 'redis.pid'), 'utf8'),
    );
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      await collect();
      // bounded by the 500 ms timeout, not by the hung server
      expect(Date.now() - started).toBeLessThan(5000);
      const healthyAfter = await latest(healthy);
      expect(Date.parse(healthyAfter.collectedAt)).toBeGreaterThan(
        Date.parse(healthyBefore.collectedAt),
      );
      // its last good reading stays what it was
      expect((await latest(hung)).collectedAt).toBe(hungBefore.collectedAt);
      // scrapers see the hung one down and nothing else of it, as redis_exporter reports it
      const exposition = await backend.api
        .get('/api/dbaas/metrics')
        .set({ Authorization: mockCredentials.service.header() });
      expect(exposition.status).toBe(200);
      expect(exposition.text).toMatch(/^redis_up\{instance="hung",[^}]*\} 0$/m);
      expect(exposition.text).toMatch(
        /^redis_up\{instance="healthy",[^}]*\} 1$/m,
      );
      expect(exposition.text).not.toMatch(
        /^redis_memory_used_bytes\{instance="hung"/m,
      );
      expect(exposition.text).toMatch(
        /^redis_memory_used_bytes\{instance="healthy"/m,
      );
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });

  it.each([
    ['metric=cpu_percent,bogus', "metric: unknown metric 'bogus'"],
    ['from=yesterday', 'from: must be an ISO 8601 date-time'],
    [
      'from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z',
      'from: must be before to',
    ],
    [
      'from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
      'from: the range may span at most 30 days',
    ],
    ['step=0', 'step: must be a whole number of seconds'],
    ['step=1.5', 'step: must be a whole number of seconds'],
    [
      'from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z&step=1',
      'step: too small for the range',
    ],
  ])('refuses %s with a 400 naming the field', async (query, message) => {
    const [instance] = (await get('/instances')).body.items;
    const res = await get(`/instances/${instance.id}/metrics?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});
