import Redis from 'ioredis';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(60_000);

type Backend = Awaited<ReturnType<typeof startDbaasTestBackend>>;

async function createOwnedByAlice(backend: Backend, name: string) {
  const res = await backend.api
    .post('/api/dbaas/instances')
    .set(backend.as(ALICE))
    .send(validCreateBody({ name }));
  expect(res.status).toBe(202);
  await backend.waitForOperation(res.body.operation.id);
  return res.body;
}

function cleanup(backend: Backend) {
  return backend.stop();
}

describe('permissions: everyone reads, owners manage', () => {
  let backend: Backend;
  let id: string;
  let operationId: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 17470, end: 17479 },
    });
    const accepted = await createOwnedByAlice(backend, 'alices');
    id = accepted.instance.id;
    operationId = accepted.operation.id;
  });
  afterAll(() => cleanup(backend));

  it('lets a non-owner read the instance, its operations and the platforms', async () => {
    const as = backend.as(BOB);
    expect(
      (await backend.api.get('/api/dbaas/instances').set(as)).body.items,
    ).toHaveLength(1);
    expect(
      (await backend.api.get(`/api/dbaas/instances/${id}`).set(as)).status,
    ).toBe(200);
    expect(
      (await backend.api.get(`/api/dbaas/instances/${id}/operations`).set(as))
        .status,
    ).toBe(200);
    expect(
      (await backend.api.get(`/api/dbaas/operations/${operationId}`).set(as))
        .status,
    ).toBe(200);
    expect((await backend.api.get('/api/dbaas/platforms').set(as)).status).toBe(
      200,
    );
  });

  it('refuses a non-owner the credentials, updates and deletion, and changes nothing', async () => {
    const as = backend.as(BOB);
    const conn = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(as);
    expect(conn.status).toBe(403);
    expect(conn.body.error.name).toBe('NotAllowedError');
    expect(JSON.stringify(conn.body)).not.toMatch(/password/);
    const patch = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(as)
      .send({ description: 'mine now' });
    expect(patch.status).toBe(403);
    const replicas = await backend.api
      .put(`/api/dbaas/instances/${id}/replicas`)
      .set(as)
      .send({ replicas: 1 });
    expect(replicas.status).toBe(403);
    const del = await backend.api.delete(`/api/dbaas/instances/${id}`).set(as);
    expect(del.status).toBe(403);

    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body).toMatchObject({
      status: 'running',
      description: 'Session cache',
      replicas: 0,
    });
    const ops = await backend.api
      .get(`/api/dbaas/instances/${id}/operations`)
      .set(backend.as(ALICE));
    expect(ops.body.items).toHaveLength(1);
  });

  it('gives the owner working credentials', async () => {
    const conn = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    expect(conn.status).toBe(200);
    const client = new Redis({
      ...conn.body,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });

  it('refuses every route but /health without credentials', async () => {
    const routes: Array<[string, string, object | undefined]> = [
      ['get', '/api/dbaas/platforms', undefined],
      ['get', '/api/dbaas/instances', undefined],
      ['post', '/api/dbaas/instances', validCreateBody({ name: 'anon' })],
      ['get', `/api/dbaas/instances/${id}`, undefined],
      ['patch', `/api/dbaas/instances/${id}`, { description: 'x' }],
      ['put', `/api/dbaas/instances/${id}/replicas`, { replicas: 1 }],
      ['delete', `/api/dbaas/instances/${id}`, undefined],
      ['get', `/api/dbaas/instances/${id}/operations`, undefined],
      ['get', `/api/dbaas/instances/${id}/connection`, undefined],
      ['get', `/api/dbaas/operations/${operationId}`, undefined],
    ];
    for (const [method, route, body] of routes) {
      const res = await (backend.api as any)[method](route).send(body);
      expect([route, res.status]).toEqual([route, 401]);
    }
    const list = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    expect(list.body.items.map((i: any) => i.name)).toEqual(['alices']);
  });
});

describe('permissions: a policy where only owners read', () => {
  let backend: Backend;
  let id: string;
  let operationId: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 17480, end: 17489 },
      readAll: false,
    });
    const accepted = await createOwnedByAlice(backend, 'private');
    id = accepted.instance.id;
    operationId = accepted.operation.id;
  });
  afterAll(() => cleanup(backend));

  it('hides the instance from a non-owner on every read route', async () => {
    const as = backend.as(BOB);
    expect(
      (await backend.api.get('/api/dbaas/instances').set(as)).body.items,
    ).toEqual([]);
    expect(
      (await backend.api.get(`/api/dbaas/instances/${id}`).set(as)).status,
    ).toBe(403);
    expect(
      (await backend.api.get(`/api/dbaas/instances/${id}/operations`).set(as))
        .status,
    ).toBe(403);
    expect(
      (await backend.api.get(`/api/dbaas/instances/${id}/connection`).set(as))
        .status,
    ).toBe(403);
    expect(
      (await backend.api.get(`/api/dbaas/operations/${operationId}`).set(as))
        .status,
    ).toBe(403);
  });

  it('shows it to the owner', async () => {
    const as = backend.as(ALICE);
    expect(
      (await backend.api.get('/api/dbaas/instances').set(as)).body.items,
    ).toHaveLength(1);
    expect(
      (await backend.api.get(`/api/dbaas/operations/${operationId}`).set(as))
        .status,
    ).toBe(200);
  });
});
