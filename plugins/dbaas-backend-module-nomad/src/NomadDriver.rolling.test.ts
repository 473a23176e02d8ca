import Redis from 'ioredis';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The backend's own test harness and Sentinel writer, so this upgrade is
// proven exactly as the local one is (rolling.test.ts); they are not
// published, hence not exported.
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import {
  ALICE,
  startDbaasTestBackend,
} from '@justmanage/plugin-dbaas-backend/src/__testUtils__/startDbaasTestBackend';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import {
  ReplicatedWriter,
  sentinelClient,
} from '@justmanage/plugin-dbaas-backend/src/upgrades/__testUtils__/sentinelWriter';
import { NomadClient } from './client';
import { dbaasModuleNomadDriver } from './module';
import { nomadDriverPolicy } from './aclPolicy';
import { startAgent } from './__testUtils__/agentKit';

jest.setTimeout(300_000);

const ENGINES = '/opt/justmanage/engines';

/**
 * Acceptance 2 of issue 15: a replicated instance (a primary, 2 replicas,
 * 3 Sentinels) on the Nomad test agent, upgraded from redis 7.0.15 to
 * valkey 8.0.1 through the backend's API and upgrade engine while a
 * Sentinel client writes. Every node is a real server in its own Nomad
 * allocation; each is replaced by registering a job version that changes
 * its group alone.
 */
describe('rolling upgrade of a Nomad instance', () => {
  let kit: Awaited<ReturnType<typeof startAgent>>;
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let snapshotDir: string;
  let nomad: NomadClient;
  const clients: Redis[] = [];
  let id: string;

  beforeAll(async () => {
    kit = await startAgent(
      '127.0.94',
      { min: 19800, max: 19849 },
      { acl: true },
    );
    snapshotDir = await mkdtemp(join(tmpdir(), 'jm-nomad-snapshots-'));
    // A build that cannot serve: every start exits 1.
    const broken = join(snapshotDir, 'broken-redis-server');
    await writeFile(
      broken,
      '#!/bin/sh\necho "this build is broken" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const token = kit.agent.createClientToken(
      'jm-rolling',
      nomadDriverPolicy(),
    );
    nomad = NomadClient.create({ address: kit.agent.address, token });
    backend = await startDbaasTestBackend({
      portRange: { start: 19890, end: 19899 },
      driverModule: dbaasModuleNomadDriver,
      dbaas: {
        operations: { pollIntervalMs: 50, readyTimeoutMs: 60_000 },
        drivers: {
          nomad: {
            address: kit.agent.address,
            token,
            regions: [{ name: 'eu-1', datacenters: ['dc1'] }],
            engines: [
              {
                engine: 'redis',
                version: '7.0.15',
                command: `${ENGINES}/redis-7.0.15+deb12u7/bin/redis-server`,
              },
              { engine: 'redis', version: '7.2.4', command: broken },
              {
                engine: 'valkey',
                version: '8.0.1',
                command: `${ENGINES}/valkey-8.0.1+bpo12.1/bin/valkey-server`,
              },
            ],
            task: {
              minHealthyTimeMs: 200,
              checkIntervalMs: 100,
              restart: { attempts: 3, intervalMs: 60_000, delayMs: 200 },
            },
            sentinel: { downAfterMs: 2000, failoverTimeoutMs: 10_000 },
            rolloutTimeoutMs: 10_000,
            snapshots: {
              dir: snapshotDir,
              restoreFrom: { host: '127.0.94.250', port: 19861 },
            },
          },
        },
      },
    });
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await backend?.stop();
    await kit?.stop();
    await rm(snapshotDir, { recursive: true, force: true });
  });

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

  it('creates a replicated instance on Nomad: a job with 3 data groups and 3 Sentinel groups', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send({
        name: 'rolling',
        owner: 'group:default/team-a',
        description: 'Rolled on Nomad',
        engine: 'redis',
        version: '7.0.15',
        platform: 'nomad',
        region: 'eu-1',
        replicas: 2,
        resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
        persistence: 'rdb',
        maxmemoryPolicy: 'noeviction',
      });
    expect(created.body.error?.message).toBeUndefined();
    expect(created.status).toBe(202);
    id = created.body.instance.id;
    const operation = await finished(created.body.operation.id);
    expect(operation.error).toBeUndefined();
    expect(operation.status).toBe('succeeded');
    const job = (await nomad.readJob(`jm-${id}`))!.value;
    expect(job.TaskGroups.map(g => g.Name).sort()).toEqual([
      'node-0',
      'node-1',
      'node-2',
      'sentinel-0',
      'sentinel-1',
      'sentinel-2',
    ]);
    const client = sentinelClient(await connection());
    clients.push(client);
    for (let i = 0; i < 1000; i++) await client.set(`before:${i}`, i);
    expect(await client.call('WAIT', '2', '10000')).toBe(2);
  });

  it('rolls back node by node when a replica cannot start on the target, naming Nomad’s reason; nothing acknowledged is lost', async () => {
    const client = sentinelClient(await connection());
    clients.push(client);
    const writer = new ReplicatedWriter(client, {
      prefix: 'broken:',
      perSecond: 300,
    });
    writer.start();
    const started = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send({ engine: 'redis', version: '7.2.4' });
    expect(started.status).toBe(202);
    const operation = await finished(started.body.operation.id);
    await writer.stop();
    const log: string = operation.log.map((l: any) => l.message).join('\n');
    expect(operation.status).toBe('failed');
    expect(operation.error).toMatch(
      /rolled back node by node to redis 7\.0\.15/,
    );
    // Nomad's reason, from the replica's task events.
    expect(`${operation.error}\n${log}`).toMatch(
      /node-[12]: .*(Restarting|Terminated|exit)/i,
    );
    expect(await instance()).toMatchObject({
      status: 'running',
      version: '7.0.15',
    });
    expect(writer.acknowledged.length).toBeGreaterThan(100);
    expect(await writer.countLost(client)).toBe(0);
  });

  it('upgrades to valkey 8.0.1 group by group while a Sentinel client writes, losing no acknowledged write', async () => {
    const before = await instance();
    const registered = (await nomad.readJob(`jm-${id}`))!.value;
    const jobBefore = registered.Version!;
    const client = sentinelClient(await connection());
    clients.push(client);
    const writer = new ReplicatedWriter(client, {
      prefix: 'w:',
      perSecond: 300,
    });
    writer.start();
    await new Promise(resolve => setTimeout(resolve, 500));
    const started = await backend.api
      .post(`/api/dbaas/instances/${id}/upgrade`)
      .set(backend.as(ALICE))
      .send({ engine: 'valkey', version: '8.0.1' });
    expect(started.status).toBe(202);
    const operation = await finished(started.body.operation.id);
    await new Promise(resolve => setTimeout(resolve, 500));
    await writer.stop();
    const log: string = operation.log.map((l: any) => l.message).join('\n');
    expect(operation.error).toBeUndefined();
    expect(operation.status).toBe('succeeded');

    // Replicas first, then a confirmed switchover, then the old primary.
    const order = [
      ...log.matchAll(
        /(Replica (node-\d)|Sentinel promoted (node-\d)|The old primary (node-\d))/g,
      ),
    ].map(m => m[0]);
    expect(order).toHaveLength(4);
    expect(order[0]).toMatch(/^Replica node-[12]/);
    expect(order[1]).toMatch(/^Replica node-[12]/);
    expect(order[2]).toMatch(/^Sentinel promoted node-[12]/);
    expect(order[3]).toBe('The old primary node-0');
    // Each group's plan diff is in the operation's log, before its change.
    const plans = [...log.matchAll(/Nomad plan for jm-\S+: (.*)/g)].map(
      m => m[1],
    );
    expect(plans.length).toBeGreaterThanOrEqual(4);
    expect(plans.join('\n')).toMatch(/node-0 \(edited; .*\): /);

    // Nomad was never asked to replace more than one group at a time:
    // each job version the upgrade registered changes one group.
    // Nomad keeps the last 6 versions: the one before comes from before.
    const { Versions } = await nomad.jobVersions(`jm-${id}`);
    const byVersion = new Map(Versions.map(v => [v.Version!, v]));
    byVersion.set(jobBefore, registered);
    const changedGroups: string[] = [];
    for (let v = jobBefore + 1; byVersion.has(v); v++) {
      const prior = byVersion.get(v - 1)!;
      const changed = byVersion
        .get(v)!
        .TaskGroups.filter(
          g =>
            JSON.stringify(g) !==
            JSON.stringify(prior.TaskGroups.find(p => p.Name === g.Name)),
        )
        .map(g => g.Name);
      expect(changed).toHaveLength(1);
      changedGroups.push(changed[0]);
    }
    expect(changedGroups.slice(0, 3)).toEqual([
      expect.stringMatching(/^node-[12]$/),
      expect.stringMatching(/^node-[12]$/),
      'node-0',
    ]);
    expect(changedGroups.slice(3).sort()).toEqual([
      'sentinel-0',
      'sentinel-1',
      'sentinel-2',
    ]);

    const after = await instance();
    expect(after).toMatchObject({
      status: 'running',
      engine: 'valkey',
      version: '8.0.1',
    });
    // The primary moved to an upgraded replica, and the API says so.
    const at = (e: { host: string; port: number }) => `${e.host}:${e.port}`;
    expect(at(after.endpoints[0])).not.toBe(at(before.endpoints[0]));
    expect(at(await connection())).toBe(at(after.endpoints[0]));
    expect(writer.acknowledged.length).toBeGreaterThan(300);
    expect(await writer.countLost(client)).toBe(0);
    expect(await client.call('WAIT', '2', '10000')).toBe(2);
    const details = await connection();
    const sizes: number[] = [];
    for (const e of after.endpoints.filter((n: any) => n.role !== 'sentinel')) {
      const node = new Redis({
        host: e.host,
        port: e.port,
        username: details.username,
        password: details.password,
        lazyConnect: true,
      });
      node.on('error', () => undefined);
      clients.push(node);
      await node.connect();
      expect(await node.info('server')).toMatch(/valkey_version:8\.0\.1/);
      sizes.push(await node.dbsize());
    }
    expect(sizes).toHaveLength(3);
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]).toBeGreaterThanOrEqual(1000 + writer.acknowledged.length);
  });
});
