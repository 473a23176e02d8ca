import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Redis from 'ioredis';
import { LocalDriver } from './LocalDriver';
import {
  assertNoServersUnder,
  connect,
  loginsOf,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
  waitFor,
} from './__testUtils__/localDriverTestKit';

jest.setTimeout(60_000);

const PORTS = { start: 18480, end: 18489 };

describe('local driver snapshots', () => {
  let dataDir: string;
  let driver: LocalDriver;
  const clients: Redis[] = [];

  beforeAll(async () => {
    dataDir = await makeDataDir();
    driver = makeDriver(dataDir, PORTS);
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await driver.deprovision('snap', makeContext());
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function admin(): Promise<Redis> {
    const observed = await driver.observe('snap');
    const client = connect(
      observed.nodes[0].endpoint!.port,
      loginsOf('snap').admin,
    );
    clients.push(client);
    await client.connect();
    return client;
  }

  const NODE = 'snap-node-0';

  async function bytesOf(stream: Readable): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }

  it('copies the saved RDB, hands it back as a stream, restores it in place of the data, and keeps the newest of each version', async () => {
    const spec = makeSpec('snap', { persistence: 'aof' });
    await driver.provision(spec, makeContext());
    const redis = await admin();
    await redis.set('kept', 'before the snapshot');
    await redis.call('SAVE');
    const taken = await driver.snapshots.take(
      'snap',
      {
        id: 'first',
        nodeId: NODE,
        engine: 'redis',
        version: '7.0.15',
        meta: { note: 'x' },
      },
      makeContext(),
    );
    expect(taken).toMatchObject({
      id: 'first',
      instanceId: 'snap',
      engine: 'redis',
      version: '7.0.15',
      meta: { note: 'x' },
    });
    const copy = await bytesOf(await driver.snapshots.read('snap', 'first'));
    expect(copy.subarray(0, 9).toString('latin1')).toBe('REDIS0010');
    expect(taken.sizeBytes).toBe(copy.length);

    await redis.set('kept', 'after the snapshot');
    await redis.set('later', 'written after the snapshot');

    // Stops the server, puts the snapshot in place of its data (the AOF
    // included) and starts it again.
    await driver.snapshots.restore(
      spec,
      { snapshotId: 'first' },
      makeContext(),
    );
    await waitFor(
      'the restored server',
      async () => (await driver.observe('snap')).phase === 'running',
    );
    const restored = await admin();
    expect(await restored.get('kept')).toBe('before the snapshot');
    expect(await restored.get('later')).toBeNull();
    // The instance keeps its AOF switched on after the restore.
    expect(
      (await restored.info('persistence')).match(/aof_enabled:1/),
    ).not.toBeNull();

    for (let i = 0; i < 6; i++) {
      await restored.call('SAVE');
      await driver.snapshots.take(
        'snap',
        {
          id: `later-${i}`,
          nodeId: NODE,
          engine: 'redis',
          version: '7.0.15+deb12u10',
          meta: {},
        },
        makeContext(),
      );
    }
    const ids = (await driver.snapshots.list('snap')).map(s => s.id);
    // The newest five, and "first" as the newest of its version.
    expect(ids).toEqual([
      'later-5',
      'later-4',
      'later-3',
      'later-2',
      'later-1',
      'first',
    ]);

    await expect(
      driver.snapshots.restore(
        spec,
        { snapshotId: 'no-such-snapshot' },
        makeContext(),
      ),
    ).rejects.toThrow(/has no snapshot no-such-snapshot/);
    await expect(
      driver.snapshots.restore(
        spec,
        { snapshotId: '../escape' },
        makeContext(),
      ),
    ).rejects.toThrow(/Invalid snapshot id/);

    // Any RDB stream restores too, e.g. a backup taken elsewhere.
    await restored.set('kept', 'overwritten by the stream');
    await driver.snapshots.restore(
      spec,
      { rdb: async () => Readable.from([copy]) },
      makeContext(),
    );
    await waitFor(
      'the server restored from a stream',
      async () => (await driver.observe('snap')).phase === 'running',
    );
    const fromStream = await admin();
    expect(await fromStream.get('kept')).toBe('before the snapshot');

    await driver.snapshots.delete('snap', 'later-1');
    await driver.snapshots.delete('snap', 'later-1');
    expect((await driver.snapshots.list('snap')).map(s => s.id)).not.toContain(
      'later-1',
    );
  });
});
