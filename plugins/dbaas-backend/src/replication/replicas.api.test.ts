import Redis from 'ioredis';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(120_000);

describe('replicated instances through the API', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const clients: Redis[] = [];
  let instanceId: string;

  function track(client: Redis): Redis {
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  async function getInstance() {
    const res = await backend.api
      .get(`/api/dbaas/instances/${instanceId}`)
      .set(backend.as(ALICE));
    return res.body;
  }

  async function connection() {
    const res = await backend.api
      .get(`/api/dbaas/instances/${instanceId}/connection`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18540, end: 18559 },
      local: {
        supervisor: { intervalMs: 200, maxBackoffMs: 2000 },
        sentinel: { downAfterMs: 1000, failoverTimeoutMs: 5000 },
      },
    });
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    if (!backend) return;
    const dataDir = backend.dataDir;
    await backend.stop();
    const left = await serverPidsUnder(dataDir);
    if (left.length)
      throw new Error(`Servers left running: ${left.join(', ')}`);
  });

  it('offers up to 5 replicas on the local platform', async () => {
    const res = await backend.api
      .get('/api/dbaas/platforms')
      .set(backend.as(ALICE));
    const local = res.body.items.find((p: any) => p.id === 'local');
    expect(local.ha).toEqual({ replicas: true, maxReplicas: 5 });
  });

  it('creates a primary with 2 replicas and 3 Sentinels, ready to fail over', async () => {
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'ha-cache', replicas: 2 }));
    expect(res.status).toBe(202);
    expect(res.body.instance.replicas).toBe(2);
    instanceId = res.body.instance.id;
    const operation = await backend.waitForOperation(res.body.operation.id);
    expect(operation.status).toBe('succeeded');

    const instance = await getInstance();
    expect(instance).toMatchObject({ status: 'running', replicas: 2 });
    expect(instance.endpoints.map((e: any) => e.role)).toEqual([
      'primary',
      'replica',
      'replica',
      'sentinel',
      'sentinel',
      'sentinel',
    ]);
    const details = await connection();
    expect(details).toMatchObject({
      host: '127.0.0.1',
      port: instance.endpoints[0].port,
      username: 'app',
      sentinel: {
        masterName: 'ha-cache',
        endpoints: instance.endpoints
          .filter((e: any) => e.role === 'sentinel')
          .map((e: any) => ({ host: e.host, port: e.port })),
      },
    });
  });

  it('serves the app user through Sentinel, and replicas hold what the primary got', async () => {
    const details = await connection();
    const client = track(
      new Redis({
        sentinels: details.sentinel.endpoints,
        name: details.sentinel.masterName,
        username: details.username,
        password: details.password,
        sentinelUsername: details.username,
        sentinelPassword: details.password,
      }),
    );
    await client.set('order:1', 'paid');
    expect(await client.call('WAIT', '2', '5000')).toBe(2);
    const instance = await getInstance();
    for (const replica of instance.endpoints.filter(
      (e: any) => e.role === 'replica',
    )) {
      const reader = track(
        new Redis({
          host: replica.host,
          port: replica.port,
          username: details.username,
          password: details.password,
          lazyConnect: true,
        }),
      );
      await reader.connect();
      expect(await reader.get('order:1')).toBe('paid');
    }
  });

  it('follows a failover after kill -9 of the primary: endpoints, connection details, health', async () => {
    const details = await connection();
    const client = track(
      new Redis({
        sentinels: details.sentinel.endpoints,
        name: details.sentinel.masterName,
        username: details.username,
        password: details.password,
        sentinelUsername: details.username,
        sentinelPassword: details.password,
        maxRetriesPerRequest: null,
      }),
    );
    await client.set('before', 'kept');
    await client.call('WAIT', '2', '5000');
    const oldPrimary = (await getInstance()).endpoints[0];
    const pid = Number(
      (
        await readFile(join(backend.dataDir, instanceId, 'redis.pid'), 'utf8')
      ).trim(),
    );
    process.kill(pid, 'SIGKILL');

    // The scheduled health check notices the new primary.
    const moved = await waitFor(
      'the recorded primary to move',
      async () => {
        await backend.triggerTask('dbaas-health-check');
        const instance = await getInstance();
        return instance.endpoints[0].port !== oldPrimary.port &&
          instance.health?.up
          ? instance
          : undefined;
      },
      40_000,
    );
    expect(moved.status).toBe('running');
    expect(moved.endpoints[0].role).toBe('primary');
    expect((await connection()).port).toBe(moved.endpoints[0].port);

    await waitFor(
      'the Sentinel client to write again',
      async () => (await client.set('after', 'written')) === 'OK',
      30_000,
    );
    expect(await client.get('before')).toBe('kept');
  });

  it('deletes every node: no process and no folder is left', async () => {
    const res = await backend.api
      .delete(`/api/dbaas/instances/${instanceId}`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(202);
    const operation = await backend.waitForOperation(res.body.operation.id);
    expect(operation.status).toBe('succeeded');
    expect(await serverPidsUnder(backend.dataDir)).toEqual([]);
    expect(backend.instanceFolders()).toEqual([]);
  });
});
