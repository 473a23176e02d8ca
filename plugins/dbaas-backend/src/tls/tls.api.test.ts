import Redis from 'ioredis';
import { X509Certificate } from 'node:crypto';
import { connect as connectTls, TLSSocket } from 'node:tls';
import {
  ALICE,
  BOB,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';
import {
  dial,
  serverPidsUnder,
} from '@justmanage/plugin-dbaas-node-test-utils';

jest.setTimeout(180_000);

/** What a fresh TLS connection is shown, trusting `ca`. */
function served(
  host: string,
  port: number,
  ca: string,
): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connectTls({ host, port, ca }, () => {
      resolve(socket.getPeerX509Certificate()!);
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('TLS through the API, proven by connecting', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let id: string;
  const clients: Redis[] = [];

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 19470, end: 19479 },
    });
    id = await backend.createInstance({ name: 'tls-cache', tls: 'required' });
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

  it('gives a rediss:// URL and the CA; a client trusting the CA logs in, plain TCP is refused, and the CA is public to readers but the credentials are not', async () => {
    const instance = await backend.api
      .get(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE));
    expect(instance.body.tls).toBe('required');
    expect(instance.body.endpoints[0].tls).toBe(true);

    const res = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    const details = res.body;
    expect(details.url).toBe(`rediss://app@${details.host}:${details.port}`);
    expect(details.caCertificate).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const client = new Redis(
      details.url.replace(
        'app@',
        `app:${encodeURIComponent(details.password)}@`,
      ),
      {
        tls: { ca: details.caCertificate },
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      },
    );
    client.on('error', () => undefined);
    clients.push(client);
    await client.connect();
    await client.set('hello', 'tls');
    expect(await client.get('hello')).toBe('tls');

    const plain = new Redis({
      host: details.host,
      port: details.port,
      username: 'app',
      password: details.password,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 2000,
    });
    plain.on('error', () => undefined);
    await expect(plain.connect().then(() => plain.ping())).rejects.toThrow();
    plain.disconnect();

    const tls = await backend.api
      .get(`/api/dbaas/instances/${id}/tls`)
      .set(backend.as(ALICE));
    expect(tls.status).toBe(200);
    expect(tls.body).toMatchObject({
      mode: 'required',
      caCertificate: details.caCertificate,
      generation: 1,
    });
    const days =
      (Date.parse(tls.body.certificatesExpireAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(90);

    // Bob may read the instance but owns nothing: the CA is public to
    // readers, the credentials and a rotation are not his.
    const bob = await backend.api
      .get(`/api/dbaas/instances/${id}/tls`)
      .set(backend.as(BOB));
    expect(bob.status).toBe(200);
    expect(bob.body.caCertificate).toBe(details.caCertificate);
    const bobConnection = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(BOB));
    expect(bobConnection.status).toBe(403);
    const bobRotate = await backend.api
      .post(`/api/dbaas/instances/${id}/tls/rotate`)
      .set(backend.as(BOB));
    expect(bobRotate.status).toBe(403);
  });

  it('rotates the certificates under a connected client without dropping it', async () => {
    const details = (
      await backend.api
        .get(`/api/dbaas/instances/${id}/connection`)
        .set(backend.as(ALICE))
    ).body;
    const client = new Redis({
      host: details.host,
      port: details.port,
      username: 'app',
      password: details.password,
      tls: { ca: details.caCertificate },
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    clients.push(client);
    await client.connect();
    const clientId = await client.client('ID');
    const before = await served(
      details.host,
      details.port,
      details.caCertificate,
    );

    let writes = 0;
    const failures: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        try {
          await client.incr('rotation-counter');
          writes += 1;
        } catch (error) {
          failures.push((error as Error).message);
        }
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    })();

    await new Promise(resolve => setTimeout(resolve, 300));
    const rotate = await backend.api
      .post(`/api/dbaas/instances/${id}/tls/rotate`)
      .set(backend.as(ALICE));
    expect(rotate.status).toBe(202);
    expect(rotate.body.operation.type).toBe('certificates');
    const done = await backend.waitForOperation(
      rotate.body.operation.id,
      ALICE,
    );
    await new Promise(resolve => setTimeout(resolve, 300));
    writing = false;
    await writer;
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });

    const after = await served(
      details.host,
      details.port,
      details.caCertificate,
    );
    expect(after.fingerprint256).not.toBe(before.fingerprint256);
    expect(failures).toEqual([]);
    expect(writes).toBeGreaterThan(40);
    expect(await client.client('ID')).toBe(clientId);
    expect(Number(await client.get('rotation-counter'))).toBe(writes);

    const tls = await backend.api
      .get(`/api/dbaas/instances/${id}/tls`)
      .set(backend.as(ALICE));
    expect(tls.body.generation).toBe(2);
    // The CA stays, so clients change nothing.
    expect(tls.body.caCertificate).toBe(details.caCertificate);
  });

  it('serves a replicated instance over TLS end to end: a Sentinel-aware client trusting the CA finds the primary through the Sentinels, and a rotation reaches every node and Sentinel without dropping it', async () => {
    const replicatedId = await backend.createInstance({
      name: 'tls-replicated',
      tls: 'required',
      replicas: 1,
    });
    const details = (
      await backend.api
        .get(`/api/dbaas/instances/${replicatedId}/connection`)
        .set(backend.as(ALICE))
    ).body;
    expect(details.sentinel.endpoints).toHaveLength(3);
    const client = new Redis({
      sentinels: details.sentinel.endpoints,
      name: details.sentinel.masterName,
      username: 'app',
      password: details.password,
      tls: { ca: details.caCertificate },
      sentinelTLS: { ca: details.caCertificate },
      enableTLSForSentinelMode: true,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    client.on('error', () => undefined);
    clients.push(client);
    await client.connect();
    await client.set('through-sentinel', 'yes');
    const clientId = await client.client('ID');

    const rotate = await backend.api
      .post(`/api/dbaas/instances/${replicatedId}/tls/rotate`)
      .set(backend.as(ALICE));
    expect(rotate.status).toBe(202);
    const done = await backend.waitForOperation(
      rotate.body.operation.id,
      ALICE,
      60_000,
    );
    expect({ status: done.status, error: done.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    const tls = await backend.api
      .get(`/api/dbaas/instances/${replicatedId}/tls`)
      .set(backend.as(ALICE));
    expect(tls.body.generation).toBe(2);
    const expiry = Date.parse(tls.body.certificatesExpireAt);
    for (const { host, port } of details.sentinel.endpoints) {
      const cert = await served(host, port, details.caCertificate);
      expect(Math.floor(Date.parse(cert.validTo) / 1000)).toBe(
        Math.floor(expiry / 1000),
      );
    }
    expect(await client.client('ID')).toBe(clientId);
    expect(await client.get('through-sentinel')).toBe('yes');

    const switched = await backend.api
      .put(`/api/dbaas/instances/${replicatedId}/tls`)
      .set(backend.as(ALICE))
      .send({ mode: 'preferred' });
    expect(switched.status).toBe(409);
    expect(switched.body.error.message).toContain(
      'its clients find the primary through Sentinel, which knows one port per node',
    );
  });

  it('moves a running instance to TLS through preferred: both ports, then TLS only; clients connected on either stay, and the refusals name why', async () => {
    const switchId = await backend.createInstance({ name: 'tls-switch' });
    const put = (body: unknown, user = ALICE) =>
      backend.api
        .put(`/api/dbaas/instances/${switchId}/tls`)
        .set(backend.as(user))
        .send(body as object);
    const connection = async () =>
      (
        await backend.api
          .get(`/api/dbaas/instances/${switchId}/connection`)
          .set(backend.as(ALICE))
      ).body;
    const plain = await connection();
    expect(plain.url).toMatch(/^redis:\/\//);
    const early = await backend.appClient(switchId);
    clients.push(early);
    await early.set('kept', 'yes');
    const earlyId = await early.client('ID');

    const straight = await put({ mode: 'required' });
    expect(straight.status).toBe(409);
    expect(straight.body.error.message).toBe(
      'tls: instance tls-switch goes to required through preferred, so its clients can move to TLS before the plain port closes',
    );
    expect((await put({ mode: 'yes' })).body.error.message).toContain(
      'mode must be equal to one of the allowed values: disabled, preferred, required',
    );
    expect((await put({ mode: 'preferred' }, BOB)).status).toBe(403);

    const toPreferred = await put({ mode: 'preferred' });
    expect(toPreferred.status).toBe(202);
    expect(toPreferred.body.operation.type).toBe('tls-mode');
    const preferredDone = await backend.waitForOperation(
      toPreferred.body.operation.id,
    );
    expect({
      status: preferredDone.status,
      error: preferredDone.error,
    }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    const both = await connection();
    expect(both).toMatchObject({
      url: plain.url,
      tls: false,
      tlsUrl: expect.stringMatching(/^rediss:\/\/app@127\.0\.0\.1:\d+$/),
      caCertificate: expect.stringMatching(/^-----BEGIN CERTIFICATE-----/),
    });
    const tlsPort = Number(both.tlsUrl.split(':').pop());
    expect(tlsPort).not.toBe(plain.port);
    const moved = new Redis({
      host: '127.0.0.1',
      port: tlsPort,
      username: 'app',
      password: both.password,
      tls: { ca: both.caCertificate },
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    moved.on('error', () => undefined);
    clients.push(moved);
    await moved.connect();
    expect(await moved.get('kept')).toBe('yes');
    const movedId = await moved.client('ID');
    expect(
      (
        await backend.api
          .get(`/api/dbaas/instances/${switchId}/tls`)
          .set(backend.as(ALICE))
      ).body.mode,
    ).toBe('preferred');

    const replicas = await backend.api
      .put(`/api/dbaas/instances/${switchId}/replicas`)
      .set(backend.as(ALICE))
      .send({ replicas: 1 });
    expect(replicas.status).toBe(409);
    expect(replicas.body.error.message).toBe(
      'replicas: instance tls-switch is moving to TLS (preferred); finish with required, or go back to disabled, before adding replicas',
    );

    const toRequired = await put({ mode: 'required' });
    const requiredDone = await backend.waitForOperation(
      toRequired.body.operation.id,
    );
    expect(requiredDone.status).toBe('succeeded');
    const tlsOnly = await connection();
    expect(tlsOnly).toMatchObject({
      url: `rediss://app@127.0.0.1:${tlsPort}`,
      tls: true,
      port: tlsPort,
    });
    expect(tlsOnly.tlsUrl).toBeUndefined();
    expect(await dial('127.0.0.1', plain.port)).toBe('ECONNREFUSED');
    expect(await early.client('ID')).toBe(earlyId);
    expect(await moved.client('ID')).toBe(movedId);
    await early.set('after', '1');
    expect(await moved.get('after')).toBe('1');

    const down = await put({ mode: 'disabled' });
    expect(down.status).toBe(409);
    expect(down.body.error.message).toBe(
      'tls: instance tls-switch requires TLS; it keeps requiring it',
    );
  });

  it('refuses a wrong TLS mode, naming the field, and creates nothing', async () => {
    const wrong = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'tls-wrong', tls: 'yes' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/tls/);

    const list = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    expect(list.body.items.map((i: { name: string }) => i.name).sort()).toEqual(
      ['tls-cache', 'tls-replicated', 'tls-switch'],
    );
  });
});
