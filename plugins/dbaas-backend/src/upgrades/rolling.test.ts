import Redis from 'ioredis';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import { countDamaged, seed, SEEDED_KEYS } from './__testUtils__/dataset';
import {
  ReplicatedWriter,
  sentinelClient,
} from './__testUtils__/sentinelWriter';

jest.setTimeout(300_000);

/**
 * Rolling upgrades of a replicated instance (a primary, 2 replicas, 3
 * Sentinels) on the real engine builds, through the API, while a client
 * writes through Sentinel and counts what the replicas acknowledged.
 */
describe('rolling upgrades', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let brokenEngines: string;
  const clients: Redis[] = [];
  const versions: Record<string, string> = {};
  let id: string;

  beforeAll(async () => {
    // A build that answers --version like 7.0.15 and cannot serve.
    brokenEngines = await mkdtemp(join(tmpdir(), 'jm-rolling-broken-'));
    const broken = join(brokenEngines, 'redis-7.0.15+deb12u99');
    await mkdir(join(broken, 'bin'), { recursive: true });
    await mkdir(join(broken, 'var/lib/dpkg'), { recursive: true });
    await writeFile(
      join(broken, 'bin/redis-server'),
      [
        '#!/bin/sh',
        'if [ "$1" = "--version" ]; then exec /usr/bin/redis-server --version; fi',
        'echo "this build is broken" >&2',
        'exit 1',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    await writeFile(
      join(broken, 'var/lib/dpkg/status'),
      'Package: redis-server\nVersion: 5:7.0.15-1~deb12u99\n',
    );
    backend = await startDbaasTestBackend({
      portRange: { start: 18560, end: 18589 },
      local: {
        engineDirs: ['/opt/justmanage/engines', brokenEngines],
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 2000, failoverTimeoutMs: 10000 },
      },
      dbaas: {
        operations: { pollIntervalMs: 50, readyTimeoutMs: 30_000 },
      },
    });
    const platforms = await backend.api
      .get('/api/dbaas/platforms')
      .set(backend.as(ALICE));
    const local = platforms.body.items.find((p: any) => p.id === 'local');
    for (const { engine, versions: list } of local.engines) {
      for (const version of list as string[]) {
        versions[
          `${engine} ${version.split('+')[0]}${
            version.includes('deb12u99') ? ' broken' : ''
          }`
        ] ??= version;
      }
    }
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await backend?.stop();
    await rm(brokenEngines, { recursive: true, force: true });
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

  /** Polls the operation as a client would; rolling upgrades take a while. */
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

  /** Connects as the app user to every data node, primary first. */
  async function dataNodes(): Promise<Redis[]> {
    const details = await connection();
    const nodes = (await instance()).endpoints.filter(
      (e: any) => e.role !== 'sentinel',
    );
    return Promise.all(
      nodes.map(async (e: any) => {
        const redis = new Redis({
          host: e.host,
          port: e.port,
          username: details.username,
          password: details.password,
          lazyConnect: true,
        });
        redis.on('error', () => undefined);
        clients.push(redis);
        await redis.connect();
        return redis;
      }),
    );
  }

  async function upgradeUnderWrites(version: string, engine: string) {
    const client = sentinelClient(await connection());
    clients.push(client);
    const writer = new ReplicatedWriter(client, {
      prefix: `w:${version}:`,
      perSecond: 300,
    });
    writer.start();
    await new Promise(resolve => setTimeout(resolve, 500));
    const started = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send({ engine, version });
    expect(started.status).toBe(202);
    const operation = await finished(started.body.operation.id);
    await new Promise(resolve => setTimeout(resolve, 500));
    await writer.stop();
    return { operation, writer, client };
  }

  it('creates the replicated instance on redis 7.0.15 and fills it', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'rolling',
          version: versions['redis 7.0.15'],
          replicas: 2,
          persistence: 'rdb',
          resources: { memoryMb: 256, cpu: 0.5, diskGb: 1 },
        }),
      );
    expect(created.status).toBe(202);
    id = created.body.instance.id;
    expect((await finished(created.body.operation.id)).status).toBe(
      'succeeded',
    );
    const client = sentinelClient(await connection());
    clients.push(client);
    await seed(client);
    expect(await client.call('WAIT', '2', '10000')).toBe(2);
  });

  it('previews the rolling strategy for a replicated instance', async () => {
    const preview = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send({
        engine: 'valkey',
        version: versions['valkey 8.0.1'],
        dryRun: true,
      });
    expect(preview.status).toBe(200);
    const switchStep = preview.body.steps.find((s: any) => s.name === 'switch');
    expect(switchStep.description).toMatch(
      /replicas on valkey 8\.0\.1\S* one at a time.*Sentinel fails over/,
    );
  });

  it('rolls back node by node when a replica cannot start on the target; nothing acknowledged is lost', async () => {
    const { operation, writer, client } = await upgradeUnderWrites(
      versions['redis 7.0.15 broken'],
      'redis',
    );
    expect(operation.status).toBe('failed');
    expect(operation.error).toMatch(
      /rolled back node by node to redis 7\.0\.15/,
    );
    const after = await instance();
    expect(after).toMatchObject({
      status: 'running',
      version: versions['redis 7.0.15'],
    });
    expect(writer.acknowledged.length).toBeGreaterThan(100);
    expect(await writer.countLost(client)).toBe(0);
    for (const node of await dataNodes()) {
      expect(await node.info('server')).toContain('redis_version:7.0.15');
      expect(await countDamaged(node)).toBe(0);
    }
  });

  it('upgrades to valkey 8.0.1 one node at a time while a Sentinel client writes, losing nothing', async () => {
    const before = (await instance()).endpoints[0];
    const { operation, writer, client } = await upgradeUnderWrites(
      versions['valkey 8.0.1'],
      'valkey',
    );
    expect(operation.error).toBeUndefined();
    expect(operation.status).toBe('succeeded');
    const log = operation.log.map((l: any) => l.message).join('\n');
    expect(log).toMatch(
      /Replica node-\d .* runs valkey 8\.0\.1\S* and has caught up/,
    );
    expect(log).toMatch(/Sentinel promoted node-\d/);
    expect(log).toMatch(
      /INFO reports valkey 8\.0\.1 on all 3 data nodes; \d+ keys .* identical on every node/,
    );

    const after = await instance();
    expect(after).toMatchObject({
      status: 'running',
      engine: 'valkey',
      version: versions['valkey 8.0.1'],
    });
    // The primary moved to an upgraded replica, and the API says so.
    expect(after.endpoints[0].port).not.toBe(before.port);
    expect((await connection()).port).toBe(after.endpoints[0].port);

    expect(writer.acknowledged.length).toBeGreaterThan(1000);
    expect(await writer.countLost(client)).toBe(0);
    // Generous: the figure that counts is bench/upgrade's.
    expect(writer.longestStallMs).toBeLessThan(5000);
    expect(await client.call('WAIT', '2', '10000')).toBe(2);
    const nodes = await dataNodes();
    expect(nodes).toHaveLength(3);
    const sizes: number[] = [];
    for (const node of nodes) {
      expect(await node.info('server')).toMatch(/valkey_version:8\.0\.1/);
      expect(await countDamaged(node)).toBe(0);
      sizes.push(await node.dbsize());
    }
    expect(sizes[0]).toBeGreaterThanOrEqual(
      SEEDED_KEYS + 5 + writer.acknowledged.length,
    );
    expect(new Set(sizes).size).toBe(1);
  });
});
