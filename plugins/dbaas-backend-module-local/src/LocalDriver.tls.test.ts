import { X509Certificate } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { connect as connectTls, TLSSocket } from 'node:tls';
import Redis from 'ioredis';
import { dial } from '@justmanage/plugin-dbaas-node-test-utils';
import {
  connect,
  loginsOf,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
  assertNoServersUnder,
} from './__testUtils__/localDriverTestKit';
import { testTls } from './__testUtils__/testCertificates';
import { LocalDriver } from './LocalDriver';

jest.setTimeout(60_000);

const PORTS = { start: 19460, end: 19469 };

function tlsClient(
  port: number,
  ca: string,
  login: { username: string; password: string },
) {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    tls: { ca },
    username: login.username,
    password: login.password,
    lazyConnect: true,
    enableReadyCheck: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  return client;
}

/** The certificate a fresh TLS connection is shown. */
function servedCertificate(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connectTls(
      { host: '127.0.0.1', port, ca },
      () => {
        resolve(socket.getPeerX509Certificate()!.fingerprint256);
        socket.destroy();
      },
    );
    socket.once('error', reject);
  });
}

describe('LocalDriver with TLS', () => {
  let dataDir: string;
  let driver: LocalDriver;
  const tls = testTls();
  const other = testTls();

  beforeAll(async () => {
    dataDir = await makeDataDir();
    driver = makeDriver(dataDir, PORTS);
  });

  afterAll(async () => {
    await driver.deprovision('tls-a', makeContext());
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
    tls.dispose();
    other.dispose();
  });

  it('serves TLS only: a client trusting the CA logs in over rediss, plain TCP and another CA are refused; a rotation under a connected client drops nothing', async () => {
    expect((await driver.capabilities()).tls).toEqual({ replicated: true });
    await driver.provision(makeSpec('tls-a', { tls }), makeContext());
    const observed = await driver.observe('tls-a');
    expect(observed.phase).toBe('running');
    const { port, tls: endpointTls } = observed.nodes[0].endpoint!;
    expect(endpointTls).toBe(true);
    expect(tls.issued[0].hosts).toContain('127.0.0.1');
    const app = loginsOf('tls-a').app;

    const plain = connect(port, app);
    await expect(plain.connect().then(() => plain.ping())).rejects.toThrow();
    plain.disconnect();
    await expect(servedCertificate(port, other.caCertificate)).rejects.toThrow(
      /self.signed|unable to verify|unable to get/i,
    );

    const client = tlsClient(port, tls.caCertificate, app);
    await client.connect();
    await client.set('greeting', 'hello');
    expect(await client.get('greeting')).toBe('hello');
    const clientId = await client.client('ID');
    const before = await servedCertificate(port, tls.caCertificate);
    expect(before).toBe(
      new X509Certificate(tls.issued[0].certificate).fingerprint256,
    );

    // Writes keep going on the connected client while certificates rotate.
    let writes = 0;
    const failures: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        try {
          await client.incr('counter');
          writes += 1;
        } catch (error) {
          failures.push((error as Error).message);
        }
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    })();
    await new Promise(resolve => setTimeout(resolve, 200));
    await driver.update(makeSpec('tls-a', { tls: { ...tls, generation: 2 } }), {
      ...makeContext(),
    });
    await new Promise(resolve => setTimeout(resolve, 200));
    writing = false;
    await writer;

    const after = await servedCertificate(port, tls.caCertificate);
    expect(tls.issued).toHaveLength(2);
    expect(after).toBe(
      new X509Certificate(tls.issued[1].certificate).fingerprint256,
    );
    expect(after).not.toBe(before);
    expect(failures).toEqual([]);
    expect(writes).toBeGreaterThan(20);
    expect(await client.client('ID')).toBe(clientId);
    expect(Number(await client.get('counter'))).toBe(writes);
    client.disconnect();

    // Converging again with the same generation issues nothing new.
    await driver.update(
      makeSpec('tls-a', { tls: { ...tls, generation: 2 } }),
      makeContext(),
    );
    expect(tls.issued).toHaveLength(2);
  });

  it('with replicas, every data node and Sentinel speaks TLS only; after a rotation every node and Sentinel serves the new certificate, the client on the primary stays connected and the replica in sync', async () => {
    const replicated = makeDriver(dataDir, { start: 19530, end: 19534 });
    const rtls = testTls();
    const spec = makeSpec('tls-r', { tls: rtls, replicas: 1 });
    try {
      await replicated.provision(spec, makeContext());
      const observed = await replicated.observe('tls-r');
      expect(observed.phase).toBe('running');
      expect(observed.nodes).toHaveLength(5);
      expect(observed.nodes.every(n => n.endpoint!.tls)).toBe(true);
      const primary = observed.nodes.find(n => n.role === 'primary')!;
      const replica = observed.nodes.find(n => n.role === 'replica')!;
      const sentinels = observed.nodes.filter(n => n.role === 'sentinel');
      expect(sentinels).toHaveLength(3);

      // Sentinels refuse plain TCP, and answer discovery over TLS.
      for (const sentinel of sentinels) {
        const plain = connect(sentinel.endpoint!.port);
        await expect(
          plain.connect().then(() => plain.ping()),
        ).rejects.toThrow();
        plain.disconnect();
      }
      const admin = loginsOf('tls-r').admin;
      const askSentinel = async (port: number) => {
        const c = tlsClient(port, rtls.caCertificate, admin);
        await c.connect();
        const answer = (await c.call(
          'SENTINEL',
          'GET-MASTER-ADDR-BY-NAME',
          'tls-r',
        )) as [string, string];
        const replicas = (await c.call(
          'SENTINEL',
          'REPLICAS',
          'tls-r',
        )) as string[][];
        c.disconnect();
        return { primaryPort: Number(answer[1]), replicas: replicas.length };
      };
      for (const sentinel of sentinels) {
        expect(await askSentinel(sentinel.endpoint!.port)).toEqual({
          primaryPort: primary.endpoint!.port,
          replicas: 1,
        });
      }

      const app = loginsOf('tls-r').app;
      const client = tlsClient(primary.endpoint!.port, rtls.caCertificate, app);
      await client.connect();
      await client.set('before', '1');
      const clientId = await client.client('ID');
      const sentinelBefore = await Promise.all(
        sentinels.map(n =>
          servedCertificate(n.endpoint!.port, rtls.caCertificate),
        ),
      );

      await replicated.update(
        { ...spec, tls: { ...rtls, generation: 2 } },
        makeContext(),
      );

      // Every node shows a certificate of generation 2 to a new connection.
      const secondGeneration = new Set(
        rtls.issued
          .slice(5)
          .map(i => new X509Certificate(i.certificate).fingerprint256),
      );
      expect(rtls.issued).toHaveLength(10);
      for (const node of (await replicated.observe('tls-r')).nodes) {
        expect(
          secondGeneration.has(
            await servedCertificate(node.endpoint!.port, rtls.caCertificate),
          ),
        ).toBe(true);
      }
      const sentinelAfter = await Promise.all(
        sentinels.map(n =>
          servedCertificate(n.endpoint!.port, rtls.caCertificate),
        ),
      );
      sentinelAfter.forEach((after, i) =>
        expect(after).not.toBe(sentinelBefore[i]),
      );
      expect(await client.client('ID')).toBe(clientId);
      await client.set('after', '2');
      client.disconnect();

      // The replica still follows the primary over TLS, and the Sentinels still agree.
      const onReplica = tlsClient(
        replica.endpoint!.port,
        rtls.caCertificate,
        app,
      );
      await onReplica.connect();
      for (let i = 0; i < 50 && (await onReplica.get('after')) !== '2'; i++) {
        await new Promise(r => setTimeout(r, 50));
      }
      expect(await onReplica.get('after')).toBe('2');
      onReplica.disconnect();
      for (const sentinel of sentinels) {
        expect(await askSentinel(sentinel.endpoint!.port)).toEqual({
          primaryPort: primary.endpoint!.port,
          replicas: 1,
        });
      }
    } finally {
      await replicated.deprovision('tls-r', makeContext());
      rtls.dispose();
    }
  });

  it('switches a running standalone instance to TLS: preferred opens a TLS port beside the plain one, required closes the plain one, and clients connected on either stay', async () => {
    const stls = testTls();
    const plainSpec = makeSpec('tls-s');
    try {
      await driver.provision(plainSpec, makeContext());
      const plainPort = (await driver.observe('tls-s')).nodes[0].endpoint!.port;
      const app = loginsOf('tls-s').app;
      const early = connect(plainPort, app);
      await early.connect();
      await early.set('kept', 'yes');
      const earlyId = await early.client('ID');

      await driver.update(
        { ...plainSpec, tls: { ...stls, mode: 'preferred' } },
        makeContext(),
      );
      const preferred = (await driver.observe('tls-s')).nodes[0];
      expect(preferred.phase).toBe('running');
      expect(preferred.endpoint).toEqual({
        host: '127.0.0.1',
        port: plainPort,
        tls: false,
        tlsPort: expect.any(Number),
      });
      const tlsPort = preferred.endpoint!.tlsPort!;
      expect(await dial('127.0.0.1', plainPort)).toBe('open');
      const moved = tlsClient(tlsPort, stls.caCertificate, app);
      await moved.connect();
      expect(await moved.get('kept')).toBe('yes');
      const movedId = await moved.client('ID');
      expect(await early.client('ID')).toBe(earlyId);

      await driver.update(
        { ...plainSpec, tls: { ...stls, mode: 'required' } },
        makeContext(),
      );
      const required = (await driver.observe('tls-s')).nodes[0];
      expect(required.phase).toBe('running');
      expect(required.endpoint).toEqual({
        host: '127.0.0.1',
        port: tlsPort,
        tls: true,
      });
      expect(await dial('127.0.0.1', plainPort)).toBe('ECONNREFUSED');
      const late = tlsClient(tlsPort, stls.caCertificate, app);
      await late.connect();
      await late.set('late', '1');
      late.disconnect();
      // Sessions opened before either change go on.
      expect(await early.client('ID')).toBe(earlyId);
      expect(await early.get('late')).toBe('1');
      expect(await moved.client('ID')).toBe(movedId);
      early.disconnect();
      moved.disconnect();
      // Converging again changes nothing and issues nothing.
      const issued = stls.issued.length;
      await driver.update(
        { ...plainSpec, tls: { ...stls, mode: 'required' } },
        makeContext(),
      );
      expect(stls.issued).toHaveLength(issued);
      expect((await driver.observe('tls-s')).nodes[0].endpoint!.port).toBe(
        tlsPort,
      );
    } finally {
      await driver.deprovision('tls-s', makeContext());
      stls.dispose();
    }
  });

  it('refuses TLS preferred on a replicated instance before anything is made', async () => {
    await expect(
      driver.provision(
        makeSpec('tls-p', { replicas: 1, tls: { ...tls, mode: 'preferred' } }),
        makeContext(),
      ),
    ).rejects.toThrow(
      'tls: the local driver switches standalone instances to TLS while they run',
    );
  });

  it('refuses tls- settings as tunables, naming them', async () => {
    await expect(
      driver.provision(
        makeSpec('tls-c', { config: { 'tls-port': '0' } }),
        makeContext(),
      ),
    ).rejects.toThrow(/"tls-port" is managed by the local driver/);
    expect(await driver.list()).toEqual(['tls-a']);
  });
});
