import { rm } from 'node:fs/promises';
import Redis from 'ioredis';
import { LocalDriver } from './LocalDriver';
import {
  assertNoServersUnder,
  connect,
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
      observed.endpoints[0].port,
      makeSpec('snap').users[0],
    );
    clients.push(client);
    await client.connect();
    return client;
  }

  it('copies the saved RDB, restores it in place of the data, and keeps the newest of each version', async () => {
    const spec = makeSpec('snap', { persistence: 'aof' });
    await driver.provision(spec, makeContext());
    const redis = await admin();
    await redis.set('kept', 'before the snapshot');
    await redis.call('SAVE');
    const taken = await driver.snapshots.take(
      'snap',
      { id: 'first', engine: 'redis', version: '7.0.15', meta: { note: 'x' } },
      makeContext(),
    );
    expect(taken).toMatchObject({
      id: 'first',
      instanceId: 'snap',
      engine: 'redis',
      version: '7.0.15',
      rdbVersion: 10,
      meta: { note: 'x' },
    });
    expect(taken.sizeBytes).toBeGreaterThan(0);

    await redis.set('kept', 'after the snapshot');
    await redis.set('later', 'written after the snapshot');

    // Stops the server, puts the snapshot in place of its data (the AOF
    // included) and starts it again.
    await driver.snapshots.restore(spec, 'first', makeContext());
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
      driver.snapshots.restore(spec, 'no-such-snapshot', makeContext()),
    ).rejects.toThrow(/has no snapshot no-such-snapshot/);
    await expect(
      driver.snapshots.restore(spec, '../escape', makeContext()),
    ).rejects.toThrow(/Invalid snapshot id/);
  });
});
