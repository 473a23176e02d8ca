import net from 'net';
import Redis from 'ioredis';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from './__testUtils__/startDbaasTestBackend';

jest.setTimeout(60_000);

function tcpConnect(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

describe('dbaas plugin API', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 17400, end: 17449 },
    });
  });

  afterAll(() => backend.stop());

  it('serves /health without credentials', async () => {
    const res = await backend.api.get('/api/dbaas/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists the local platform with the detected redis version', async () => {
    const res = await backend.api
      .get('/api/dbaas/platforms')
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    const local = res.body.items.find((p: any) => p.id === 'local');
    expect(local.regions).toEqual(['local']);
    expect(local.engines).toEqual(
      expect.arrayContaining([
        {
          engine: 'redis',
          versions: expect.arrayContaining([
            expect.stringMatching(/^7\.0\.15\+deb12u\d+$/),
          ]),
        },
      ]),
    );
  });

  it('creates a Redis a client can use, updates it and deletes it', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'lifecycle' }));
    expect(created.status).toBe(202);
    expect(created.body.instance.status).toBe('provisioning');
    expect(created.body.operation.steps.map((s: any) => s.name)).toEqual([
      'provision',
      'wait-ready',
      'finalize',
    ]);
    const id = created.body.instance.id;

    const op = await backend.waitForOperation(created.body.operation.id);
    expect(op.status).toBe('succeeded');
    expect(
      op.steps.every((s: any) => s.status === 'succeeded' && s.attempts === 1),
    ).toBe(true);

    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body.status).toBe('running');
    expect(instance.body.owner).toBe('group:default/team-a');
    expect(instance.body.createdBy).toBe(ALICE);

    const conn = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    expect(conn.status).toBe(200);
    expect(conn.body.url).toBe(
      `redis://app@${conn.body.host}:${conn.body.port}`,
    );
    expect(conn.body.url).not.toContain(conn.body.password);

    const client = new Redis({
      host: conn.body.host,
      port: conn.body.port,
      username: conn.body.username,
      password: conn.body.password,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    await client.connect();
    await client.set('greeting', 'hello');
    expect(await client.get('greeting')).toBe('hello');

    const anonymous = new Redis({
      host: conn.body.host,
      port: conn.body.port,
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
    });
    await anonymous.connect();
    await expect(anonymous.get('greeting')).rejects.toThrow(/NOAUTH/);
    anonymous.disconnect();

    const updated = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ resources: { memoryMb: 128 }, description: 'Bigger cache' });
    expect(updated.status).toBe(202);
    expect(
      (await backend.waitForOperation(updated.body.operation.id)).status,
    ).toBe('succeeded');
    const info = await client.info('memory');
    expect(info).toMatch(/maxmemory:134217728/);
    expect(await client.get('greeting')).toBe('hello');
    const after = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(after.body).toMatchObject({
      status: 'running',
      description: 'Bigger cache',
      resources: { memoryMb: 128, cpu: 0.5, diskGb: 1 },
    });
    client.disconnect();

    const ops = await backend.api
      .get(`/api/dbaas/instances/${id}/operations`)
      .set(backend.as(ALICE));
    expect(ops.body.items.map((o: any) => o.type)).toEqual([
      'update',
      'create',
    ]);

    const deleted = await backend.api
      .delete(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(deleted.status).toBe(202);
    expect(
      (await backend.waitForOperation(deleted.body.operation.id)).status,
    ).toBe('succeeded');
    expect(
      (
        await backend.api
          .get(`/api/dbaas/instances/${id}`)
          .set(backend.as(ALICE))
      ).status,
    ).toBe(404);
    expect(backend.instanceFolders()).toEqual([]);
    await expect(tcpConnect(conn.body.host, conn.body.port)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('holds GET operation with waitMs until the operation finished', async () => {
    const created = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'waited' }));
    const res = await backend.api
      .get(`/api/dbaas/operations/${created.body.operation.id}?waitMs=20000`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    const bad = await backend.api
      .get(`/api/dbaas/operations/${created.body.operation.id}?waitMs=99999999`)
      .set(backend.as(ALICE));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/waitMs/);
  });

  it('returns the same instance for a repeated Idempotency-Key', async () => {
    const send = (name: string) =>
      backend.api
        .post('/api/dbaas/instances')
        .set(backend.as(ALICE))
        .set('Idempotency-Key', 'key-1')
        .send(validCreateBody({ name }));
    const first = await send('idem');
    const second = await send('idem');
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.instance.id).toBe(first.body.instance.id);
    expect(second.body.operation.id).toBe(first.body.operation.id);
    const reused = await send('other-name');
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toMatch(/Idempotency-Key/);
    const list = await backend.api
      .get('/api/dbaas/instances?name=other-name')
      .set(backend.as(ALICE));
    expect(list.body.items).toEqual([]);
    await backend.waitForOperation(first.body.operation.id);
  });

  it('rejects a taken name with 409 and an unknown instance with 404', async () => {
    const first = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'taken' }));
    expect(first.status).toBe(202);
    const again = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'taken' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /name: an instance named 'taken' already exists/,
    );
    const missing = await backend.api
      .get('/api/dbaas/instances/no-such-id')
      .set(backend.as(ALICE));
    expect(missing.status).toBe(404);
    expect(
      (
        await backend.api
          .get('/api/dbaas/operations/no-such-op')
          .set(backend.as(ALICE))
      ).status,
    ).toBe(404);
    await backend.waitForOperation(first.body.operation.id);
  });

  it('filters the list by owner, status and platform', async () => {
    const b = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(BOB))
      .send(validCreateBody({ name: 'bobs', owner: 'group:default/team-b' }));
    expect(b.status).toBe(202);
    await backend.waitForOperation(b.body.operation.id, BOB);
    const byOwner = await backend.api
      .get(
        `/api/dbaas/instances?owner=${encodeURIComponent(
          'group:default/team-b',
        )}`,
      )
      .set(backend.as(ALICE));
    expect([byOwner.status, byOwner.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    expect(byOwner.body.items.map((i: any) => i.name)).toEqual(['bobs']);
    const byStatus = await backend.api
      .get('/api/dbaas/instances?status=failed')
      .set(backend.as(ALICE));
    expect(byStatus.body.items).toEqual([]);
    const byPlatform = await backend.api
      .get('/api/dbaas/instances?platform=local')
      .set(backend.as(ALICE));
    expect(byPlatform.body.items.map((i: any) => i.name)).toContain('bobs');
    const badStatus = await backend.api
      .get('/api/dbaas/instances?status=sleeping')
      .set(backend.as(ALICE));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toMatch(/status/);
  });
});
