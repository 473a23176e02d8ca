import Redis from 'ioredis';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ALICE,
  startDbaasTestBackend,
} from '../__testUtils__/startDbaasTestBackend';
import {
  serverPidsUnder,
  waitFor,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(240_000);

/** The acknowledged writes whose key does not hold what was written. */
async function lostWrites(reader: Redis, acknowledged: number[]) {
  const lost: number[] = [];
  for (let at = 0; at < acknowledged.length; at += 1000) {
    const chunk = acknowledged.slice(at, at + 1000);
    const values = await reader.mget(...chunk.map(i => `w:${i}`));
    chunk.forEach((i, k) => values[k] !== String(i) && lost.push(i));
  }
  return lost;
}

/** A client writing w:<i> = <i> in a loop, recording what was acknowledged. */
function startWriter(client: Redis) {
  const acknowledged: number[] = [];
  let errors = 0;
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      try {
        await client.set(`w:${i}`, String(i));
        acknowledged.push(i);
      } catch {
        errors++;
        await new Promise(r => setTimeout(r, 20));
      }
    }
  })();
  return {
    acknowledged,
    errors: () => errors,
    async stop() {
      running = false;
      await done;
    },
  };
}

describe('changing the number of replicas of a running instance', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  const clients: Redis[] = [];
  /** The instance the running test acts on. */
  let currentId = '';

  function track(client: Redis): Redis {
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  async function getInstance(id: string) {
    const res = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    return res.body;
  }

  async function setReplicas(id: string, replicas: unknown) {
    return backend.api
      .put(`/api/dbaas/instances/${id}/replicas`)
      .set(backend.as(ALICE))
      .send({ replicas });
  }

  async function changeTo(id: string, replicas: number) {
    const res = await setReplicas(id, replicas);
    expect(res.status).toBe(202);
    const done = await backend.waitForOperation(
      res.body.operation.id,
      ALICE,
      120_000,
    );
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    return done;
  }

  /** What the node at an endpoint says of itself, as the app user. */
  async function infoReplication(endpoint: { host: string; port: number }) {
    const { body } = await backend.api
      .get(`/api/dbaas/instances/${currentId}/connection`)
      .set(backend.as(ALICE));
    const client = track(
      new Redis({
        host: endpoint.host,
        port: endpoint.port,
        username: body.username,
        password: body.password,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
      }),
    );
    await client.connect();
    const info = await client.info('replication');
    client.disconnect();
    return info;
  }

  async function answers(port: number): Promise<boolean> {
    const probe = new Redis({
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return true;
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 18590, end: 18619 },
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

  it('goes 0 -> 2 -> 0 while a client writes, and loses no acknowledged write', async () => {
    currentId = await backend.createInstance({ name: 'grow-cache' });
    const before = await getInstance(currentId);
    const primary = before.endpoints[0];
    const writer = startWriter(track(await backend.appClient(currentId)));
    await waitFor(
      'the first writes',
      async () => writer.acknowledged.length > 50,
    );

    await changeTo(currentId, 2);
    const grown = await getInstance(currentId);
    expect(grown).toMatchObject({ status: 'running', replicas: 2 });
    expect(grown.endpoints.map((e: any) => e.role)).toEqual([
      'primary',
      'replica',
      'replica',
      'sentinel',
      'sentinel',
      'sentinel',
    ]);
    // The primary is the same server: the client never had to reconnect.
    expect(grown.endpoints[0]).toEqual(primary);
    expect(await infoReplication(primary)).toMatch(/connected_slaves:2/);
    const sentinelPorts = grown.endpoints
      .filter((e: any) => e.role === 'sentinel')
      .map((e: any) => e.port);
    const { body: details } = await backend.api
      .get(`/api/dbaas/instances/${currentId}/connection`)
      .set(backend.as(ALICE));
    const sentinel = track(
      new Redis({
        port: sentinelPorts[0],
        username: details.username,
        password: details.password,
        lazyConnect: true,
      }),
    );
    await sentinel.connect();
    expect(
      await sentinel.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'grow-cache'),
    ).toEqual([primary.host, String(primary.port)]);
    sentinel.disconnect();

    const during = writer.acknowledged.length;
    await changeTo(currentId, 0);
    await waitFor(
      'writes after the change',
      async () => writer.acknowledged.length > during + 50,
    );
    await writer.stop();

    const shrunk = await getInstance(currentId);
    expect(shrunk).toMatchObject({ status: 'running', replicas: 0 });
    expect(shrunk.endpoints).toEqual([primary]);
    expect(await infoReplication(primary)).toMatch(/connected_slaves:0/);
    for (const port of sentinelPorts) expect(await answers(port)).toBe(false);
    for (const e of grown.endpoints.filter((n: any) => n.role === 'replica')) {
      expect(await answers(e.port)).toBe(false);
    }

    const reader = track(await backend.appClient(currentId));
    const lost = await lostWrites(reader, writer.acknowledged);
    expect({ acknowledged: writer.acknowledged.length > 100, lost }).toEqual({
      acknowledged: true,
      lost: [],
    });
    expect(writer.errors()).toBe(0);
  });

  it('moves the primary back to the first node before removing the node it is on', async () => {
    currentId = await backend.createInstance({
      name: 'shrink-cache',
      replicas: 2,
    });
    const first = (await getInstance(currentId)).endpoints[0];
    const { body: details } = await backend.api
      .get(`/api/dbaas/instances/${currentId}/connection`)
      .set(backend.as(ALICE));
    // Sentinel promotes node-1 or node-2, and the supervisor brings node-0
    // back as a replica: the primary is now on a node that going to 0 removes.
    const pid = Number(
      (
        await readFile(join(backend.dataDir, currentId, 'redis.pid'), 'utf8')
      ).trim(),
    );
    process.kill(pid, 'SIGKILL');
    const moved = await waitFor(
      'the primary to move and node-0 to follow it',
      async () => {
        await backend.triggerTask('dbaas-health-check');
        const instance = await getInstance(currentId);
        if (instance.endpoints[0].port === first.port) return undefined;
        const info = await infoReplication(instance.endpoints[0]);
        return /connected_slaves:2/.test(info) ? instance : undefined;
      },
      60_000,
    );
    expect(moved.status).toBe('running');

    const writer = startWriter(
      track(
        new Redis({
          sentinels: details.sentinel.endpoints,
          name: 'shrink-cache',
          username: details.username,
          password: details.password,
          sentinelUsername: details.username,
          sentinelPassword: details.password,
          maxRetriesPerRequest: null,
        }),
      ),
    );
    await waitFor(
      'the first writes',
      async () => writer.acknowledged.length > 50,
      30_000,
    );

    const done = await changeTo(currentId, 0);
    expect(JSON.stringify(done.log ?? done)).toMatch(
      /Moved the primary from node-[12] .*, which is removed, to node-0/,
    );
    await writer.stop();
    const shrunk = await getInstance(currentId);
    expect(shrunk).toMatchObject({ status: 'running', replicas: 0 });
    // node-0 was created first and is the one kept.
    expect(shrunk.endpoints).toEqual([first]);
    const reader = track(await backend.appClient(currentId));
    const lost = await lostWrites(reader, writer.acknowledged);
    expect(lost).toEqual([]);
  });

  it('removes one of two replicas, and every Sentinel forgets it', async () => {
    currentId = await backend.createInstance({
      name: 'trim-cache',
      replicas: 2,
    });
    const { body: details } = await backend.api
      .get(`/api/dbaas/instances/${currentId}/connection`)
      .set(backend.as(ALICE));
    const trim = await changeTo(currentId, 1);
    expect(
      trim.log.filter((l: any) => /forgot the removed/.test(l.message)),
    ).toHaveLength(3);
    const trimmed = await getInstance(currentId);
    expect(trimmed.replicas).toBe(1);
    expect(trimmed.endpoints.map((e: any) => e.role)).toEqual([
      'primary',
      'replica',
      'sentinel',
      'sentinel',
      'sentinel',
    ]);
    expect(await infoReplication(trimmed.endpoints[0])).toMatch(
      /connected_slaves:1/,
    );
    for (const e of trimmed.endpoints.filter(
      (n: any) => n.role === 'sentinel',
    )) {
      const asker = track(
        new Redis({
          port: e.port,
          username: details.username,
          password: details.password,
        }),
      );
      const replicas = (await asker.call(
        'SENTINEL',
        'REPLICAS',
        'trim-cache',
      )) as unknown[];
      expect(replicas).toHaveLength(1);
      asker.disconnect();
    }
  });

  it('refuses counts it cannot run, and changes nothing', async () => {
    const id = currentId;
    for (const [replicas, message] of [
      [6, 'replicas must be <= 5'],
      [-1, 'replicas must be >= 0'],
      ['two', 'replicas must be integer'],
      [1, 'replicas: instance trim-cache already runs 1 replicas'],
    ] as const) {
      const res = await setReplicas(id, replicas);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: replicas === 1 ? 409 : 400,
        message: expect.stringContaining(message),
      });
    }
    const patched = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ replicas: 2 });
    expect(patched.status).toBe(400);
    expect(patched.body.error.message).toContain(
      'replicas: is changed with PUT /instances/{instanceId}/replicas',
    );
    expect(await getInstance(id)).toMatchObject({
      status: 'running',
      replicas: 1,
    });
  });
});
