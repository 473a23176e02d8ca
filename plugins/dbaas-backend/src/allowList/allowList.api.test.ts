import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import {
  dial,
  lanAddress,
  serverPidsUnder,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(180_000);

describe('allow-lists through the API', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    // A platform team that lets the local driver listen host-wide, and
    // makes its instances reachable from the host's own network by default.
    backend = await startDbaasTestBackend({
      portRange: { start: 19510, end: 19519 },
      local: { bindAddress: '0.0.0.0' },
      dbaas: { allowList: { default: { cidrs: ['0.0.0.0/0'] } } },
    });
  });

  afterAll(async () => {
    if (!backend) return;
    const dataDir = backend.dataDir;
    await backend.stop();
    const left = await serverPidsUnder(dataDir);
    if (left.length)
      throw new Error(`Servers left running: ${left.join(', ')}`);
  });

  it('gives a new instance the configured default, narrows it to this host and back, keeping the data and the connected client', async () => {
    const lan = lanAddress();
    const platforms = await backend.api
      .get('/api/dbaas/platforms')
      .set(backend.as(ALICE));
    expect(platforms.body.items[0].allowList).toEqual({
      reachable: ['0.0.0.0/0'],
      sourceFiltering: false,
      namespaces: false,
      note: expect.stringContaining('Use a host firewall'),
    });

    const id = await backend.createInstance({ name: 'allow-api' });
    const created = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(created.body.allowList).toEqual({ cidrs: ['0.0.0.0/0'] });
    const { port } = created.body.endpoints[0];
    expect(await dial(lan, port)).toBe('open');

    const client = await backend.appClient(id);
    await client.set('kept', 'yes');
    const clientId = await client.client('ID');

    const narrowed = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ allowList: { cidrs: ['127.0.0.0/8'] } });
    expect(narrowed.status).toBe(202);
    expect(
      (await backend.waitForOperation(narrowed.body.operation.id)).status,
    ).toBe('succeeded');
    expect(await dial(lan, port)).toBe('ECONNREFUSED');
    expect(await client.client('ID')).toBe(clientId);
    expect(await client.get('kept')).toBe('yes');
    const after = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(after.body.allowList).toEqual({ cidrs: ['127.0.0.0/8'] });

    const widened = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ allowList: { cidrs: [`${lan}/32`] } });
    expect(
      (await backend.waitForOperation(widened.body.operation.id)).status,
    ).toBe('succeeded');
    expect(await dial(lan, port)).toBe('open');
    client.disconnect();
  });

  it('refuses a wrong allow-list with a 400 that names the field and the rule, and changes nothing', async () => {
    const before = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    const bad = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'allow-bad',
          allowList: { cidrs: ['10.1.2.3/8'] },
        }),
      );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      "allowList.cidrs.0: '10.1.2.3/8' has host bits set; the network is 10.0.0.0/8",
    );
    const namespaces = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(
        validCreateBody({
          name: 'allow-bad',
          allowList: { cidrs: ['10.0.0.0/8'], namespaces: ['team-a'] },
        }),
      );
    expect(namespaces.status).toBe(400);
    expect(namespaces.body.error.message).toContain(
      'allowList.namespaces: platform local has no namespaces',
    );
    const after = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('lets only those who may update the instance change who may connect', async () => {
    const { body } = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    const id = body.items.find(
      (i: { name: string }) => i.name === 'allow-api',
    ).id;
    const res = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(BOB))
      .send({ allowList: { cidrs: ['0.0.0.0/0'] } });
    expect(res.status).toBe(403);
    const unchanged = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(unchanged.body.allowList).toEqual({
      cidrs: [`${lanAddress()}/32`],
    });
  });
});

describe('allow-lists on a loopback platform with no default configured', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19520, end: 19524 },
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('makes instances reachable from this host only, and refuses networks beyond it by name', async () => {
    const id = await backend.createInstance({ name: 'allow-default' });
    const created = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(created.body.allowList).toEqual({ cidrs: ['127.0.0.0/8'] });

    const res = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ allowList: { cidrs: ['127.0.0.0/8', '10.0.0.0/8'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'allowList.cidrs.1: clients in 10.0.0.0/8 cannot reach platform local, which is reachable from 127.0.0.0/8 only',
    );
  });
});
