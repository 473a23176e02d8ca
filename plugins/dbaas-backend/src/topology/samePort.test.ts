import Redis from 'ioredis';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { METRICS_COLLECT_TASK } from '../metrics/startMetrics';
import {
  countDamaged,
  seed,
  SEEDED_KEYS,
} from '../upgrades/__testUtils__/dataset';
import {
  ReplicatedWriter,
  sentinelClient,
} from '../upgrades/__testUtils__/sentinelWriter';
import { origins, traceConnects } from './__testUtils__/connectionOrigins';
import { tunnelledLocalDriver } from './__testUtils__/tunnelledLocalDriver';

jest.setTimeout(300_000);

/** Every node listens on 6379, each at its own address of this network. */
const NETWORK = '127.0.79';
const isNode = (host: string, port: number) =>
  host.startsWith(`${NETWORK}.`) && port === 6379;

/**
 * The control plane against a platform whose nodes all listen on one port,
 * each at its own address (as pods do), and which it reaches only through
 * the driver's connector: create a replicated instance, check its health,
 * collect its metrics, scan its keys and roll it to another engine under
 * writes. Code that told nodes apart by port would pick the wrong node;
 * code that dialled a node without the connector shows up in the trace.
 */
describe('nodes that share a port, reached through a connector', () => {
  const { module, tunnel } = tunnelledLocalDriver();
  const trace = traceConnects(isNode);
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const clients: Redis[] = [];
  let id: string;
  let valkey: string;
  let redis7: string;

  /** The test's own clients are applications, not the control plane. */
  const asApplication = <T>(fn: () => T): T => origins.run('test', fn);

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18990, end: 18999 },
      driverModule: module,
      local: {
        addressing: 'loopback',
        loopback: { network: `${NETWORK}.0/24`, port: 6379 },
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 2000, failoverTimeoutMs: 10000 },
      },
      dbaas: { operations: { pollIntervalMs: 50, readyTimeoutMs: 30_000 } },
    });
    const platforms = await backend.api
      .get('/api/dbaas/platforms')
      .set(backend.as(ALICE));
    const local = platforms.body.items.find((p: any) => p.id === 'local');
    const versionsOf = (engine: string): string[] =>
      local.engines.find((e: any) => e.engine === engine).versions;
    valkey = versionsOf('valkey').find(v => v.startsWith('8.0.1'))!;
    redis7 = versionsOf('redis').find(v => v.startsWith('7.0.15'))!;
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await backend?.stop();
    trace.stop();
    await tunnel.closeAll();
  });

  async function connection() {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function instance() {
    return (
      await backend.api.get(`/api/dbaas/instances/${id}`).set(backend.as(ALICE))
    ).body;
  }

  async function finished(operationId: string) {
    const deadline = Date.now() + 240_000;
    for (;;) {
      const res = await backend.api
        .get(`/api/dbaas/operations/${operationId}?waitMs=5000`)
        .set(backend.as(ALICE));
      if (['succeeded', 'failed'].includes(res.body.status)) return res.body;
      if (Date.now() > deadline) throw new Error(`still ${res.body.status}`);
    }
  }

  /** Health checks and metric rounds, as the scheduler runs them, meanwhile. */
  function monitorWhile<T>(work: Promise<T>): Promise<T> {
    let running = true;
    const rounds = (async () => {
      while (running) {
        await backend.triggerTask('dbaas-health-check');
        await backend.triggerTask(METRICS_COLLECT_TASK);
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    })();
    return work.finally(async () => {
      running = false;
      await rounds;
    });
  }

  it('creates a replicated instance whose nodes all listen on 6379 at their own addresses', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'same-port',
          version: redis7,
          replicas: 2,
          persistence: 'rdb',
          resources: { memoryMb: 128, cpu: 0.5, diskGb: 1 },
        }),
      );
    expect(created.status).toBe(202);
    id = created.body.instance.id;
    expect((await finished(created.body.operation.id)).status).toBe(
      'succeeded',
    );
    const { endpoints } = await instance();
    expect(endpoints.map((e: any) => e.role)).toEqual([
      'primary',
      'replica',
      'replica',
      'sentinel',
      'sentinel',
      'sentinel',
    ]);
    expect(new Set(endpoints.map((e: any) => e.port))).toEqual(new Set([6379]));
    expect(new Set(endpoints.map((e: any) => e.host)).size).toBe(6);
    expect(new Set(endpoints.map((e: any) => e.nodeId)).size).toBe(6);
  });

  it('checks health and collects metrics from the primary, not from a node that shares its port', async () => {
    const details = await connection();
    const writer = asApplication(() => sentinelClient(details));
    clients.push(writer);
    await asApplication(() => seed(writer));
    await monitorWhile(new Promise(resolve => setTimeout(resolve, 1500)));
    const after = await instance();
    expect(after.status).toBe('running');
    expect(after.health).toMatchObject({ up: true });
    const snapshot = await backend.api
      .get(`/api/dbaas/instances/${id}/metrics/latest`)
      .set(backend.as(ALICE));
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.values.keys).toBeGreaterThanOrEqual(SEEDED_KEYS);
    const replication = await backend.api
      .get(`/api/dbaas/instances/${id}/replication`)
      .set(backend.as(ALICE));
    expect(replication.status).toBe(200);
    expect(replication.body).toMatchObject({
      role: 'primary',
      connectedReplicas: 2,
    });
  });

  it('scans the keys of the primary through the connector', async () => {
    const started = await backend.api
      .post(`/api/dbaas/instances/${id}/key-scans`)
      .set(backend.as(ALICE))
      .send({});
    expect(started.status).toBe(202);
    expect((await finished(started.body.operation.id)).status).toBe(
      'succeeded',
    );
    const report = await backend.api
      .get(`/api/dbaas/instances/${id}/key-scans/latest`)
      .set(backend.as(ALICE));
    expect(report.body.keysScanned).toBeGreaterThanOrEqual(SEEDED_KEYS);
  });

  it('rolls to valkey 8.0.1 node by node under writes, with health checks and metrics running, losing nothing', async () => {
    const before = (await instance()).endpoints[0];
    const cached = await connection();
    const client = asApplication(() => sentinelClient(cached));
    clients.push(client);
    const writer = asApplication(
      () => new ReplicatedWriter(client, { prefix: 'w:', perSecond: 300 }),
    );
    asApplication(() => writer.start());
    await new Promise(resolve => setTimeout(resolve, 500));
    const started = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send({ engine: 'valkey', version: valkey });
    expect(started.status).toBe(202);
    const operation = await monitorWhile(finished(started.body.operation.id));
    await writer.stop();
    expect(operation.error).toBeUndefined();
    expect(operation.status).toBe('succeeded');
    const log = operation.log.map((l: any) => l.message).join('\n');
    expect(log).toMatch(/Sentinel promoted node-\d \(127\.0\.79\.\d+:6379\)/);

    const after = await instance();
    expect(after).toMatchObject({ status: 'running', engine: 'valkey' });
    // The primary moved to another node on the same port.
    expect(after.endpoints[0].nodeId).not.toBe(before.nodeId);
    expect(after.endpoints[0].port).toBe(before.port);
    expect((await connection()).host).toBe(after.endpoints[0].host);
    expect(writer.acknowledged.length).toBeGreaterThan(500);
    expect(await asApplication(() => writer.countLost(client))).toBe(0);
    for (const endpoint of after.endpoints.filter(
      (e: any) => e.role !== 'sentinel',
    )) {
      const node = asApplication(
        () =>
          new Redis({
            host: endpoint.host,
            port: endpoint.port,
            username: cached.username,
            password: cached.password,
            lazyConnect: true,
          }),
      );
      clients.push(node);
      await asApplication(() => node.connect());
      expect(await node.info('server')).toMatch(/valkey_version:8\.0\.1/);
      expect(await countDamaged(node)).toBe(0);
    }
  });

  it('opened every connection of the control plane to a node through the connector', () => {
    const direct = trace.connects.filter(c => c.origin === 'control plane');
    expect(direct.map(c => `${c.host}:${c.port}\n${c.stack}`)).toEqual([]);
    // and the tunnel did carry the control plane's work to every node
    const nodeIds = new Set(tunnel.opened.map(t => t.nodeId));
    expect(nodeIds.size).toBeGreaterThanOrEqual(6);
    expect(trace.connects.filter(c => c.origin === 'tunnel').length).toBe(
      [...tunnel.carried.values()].reduce((a, b) => a + b, 0),
    );
  });
});
