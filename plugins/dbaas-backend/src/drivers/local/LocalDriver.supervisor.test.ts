import { rm } from 'node:fs/promises';
import {
  connect,
  isServing,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
  readPid,
  serverPidsOnPort,
  serverPidsUnder,
  waitFor,
} from './__testUtils__/localDriverTestKit';
import { LocalDriver } from './LocalDriver';

jest.setTimeout(60_000);

const PORTS = { start: 17130, end: 17139 };
const SUPERVISOR = { intervalMs: 50 };

describe('LocalDriver supervision', () => {
  let dataDir: string;
  const drivers: LocalDriver[] = [];

  async function startedDriver(): Promise<LocalDriver> {
    const driver = makeDriver(dataDir, PORTS, SUPERVISOR);
    drivers.push(driver);
    await driver.start();
    return driver;
  }

  beforeEach(async () => {
    dataDir = await makeDataDir();
  });

  afterEach(async () => {
    for (const driver of drivers.splice(0)) {
      await driver.stop();
    }
    const cleaner = makeDriver(dataDir, PORTS);
    for (const id of await cleaner.list()) {
      await cleaner.deprovision(id, makeContext());
    }
    expect(await serverPidsUnder(dataDir)).toEqual([]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('restarts a killed server with its data and users', async () => {
    const driver = await startedDriver();
    const spec = makeSpec('phoenix', { persistence: 'aof' });
    await driver.provision(spec, makeContext());
    const port = (await driver.observe('phoenix')).endpoints[0].port;
    const before = connect(port, spec.users[1]);
    try {
      await before.connect();
      await before.set('survivor', 'still here');
    } finally {
      before.disconnect();
    }

    const pid = await readPid(dataDir, 'phoenix');
    process.kill(pid, 'SIGKILL');

    const newPid = await waitFor('a restarted server', async () => {
      const current = await readPid(dataDir, 'phoenix').catch(() => pid);
      return current !== pid && (await isServing(current)) && current;
    });
    expect(newPid).not.toBe(pid);
    await waitFor(
      'the restarted server to run',
      async () => (await driver.observe('phoenix')).phase === 'running',
    );

    const after = connect(port, spec.users[1]);
    try {
      await after.connect();
      expect(await after.get('survivor')).toBe('still here');
    } finally {
      after.disconnect();
    }
    expect(await serverPidsOnPort(port)).toEqual([newPid]);
  });

  it('adopts the servers of a previous backend instead of starting more', async () => {
    const first = await startedDriver();
    const spec = makeSpec('adopted');
    await first.provision(spec, makeContext());
    const port = (await first.observe('adopted')).endpoints[0].port;
    const pid = await readPid(dataDir, 'adopted');
    // The first backend goes away; its server must not.
    await first.stop();

    const second = await startedDriver();
    await second.provision(spec, makeContext());
    expect((await second.observe('adopted')).phase).toBe('running');

    // Watch across several supervisor rounds: one server, the same one.
    const until = Date.now() + 10 * SUPERVISOR.intervalMs;
    while (Date.now() < until) {
      expect(await serverPidsOnPort(port)).toEqual([pid]);
      await new Promise(r => setTimeout(r, SUPERVISOR.intervalMs / 2));
    }
    expect(await readPid(dataDir, 'adopted')).toBe(pid);

    const client = connect(port, spec.users[1]);
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('keeps two supervisors on one data dir from starting duplicates', async () => {
    const a = await startedDriver();
    const b = await startedDriver();
    const spec = makeSpec('contested');
    await a.provision(spec, makeContext());
    const port = (await a.observe('contested')).endpoints[0].port;

    for (let round = 0; round < 3; round++) {
      const pid = await readPid(dataDir, 'contested');
      process.kill(pid, 'SIGKILL');
      await waitFor('a restarted server', async () => {
        const current = await readPid(dataDir, 'contested').catch(() => pid);
        return current !== pid && (await isServing(current));
      });
      const pids = await serverPidsOnPort(port);
      expect(pids).toEqual([await readPid(dataDir, 'contested')]);
    }
    expect((await b.observe('contested')).phase).toBe('running');
  });

  it('does not revive an instance that is being deprovisioned', async () => {
    const driver = await startedDriver();
    await driver.provision(makeSpec('gone'), makeContext());
    const port = (await driver.observe('gone')).endpoints[0].port;

    await driver.deprovision('gone', makeContext());

    // Give the supervisor several rounds to (wrongly) resurrect it.
    const until = Date.now() + 10 * SUPERVISOR.intervalMs;
    while (Date.now() < until) {
      expect(await serverPidsOnPort(port)).toEqual([]);
      await new Promise(r => setTimeout(r, SUPERVISOR.intervalMs / 2));
    }
    expect((await driver.observe('gone')).phase).toBe('absent');
  });

  it('leaves servers running when the backend stops', async () => {
    const driver = await startedDriver();
    await driver.provision(makeSpec('lasting'), makeContext());
    const pid = await readPid(dataDir, 'lasting');
    await driver.stop();
    expect(await isServing(pid)).toBe(true);
    expect((await driver.observe('lasting')).phase).toBe('running');
  });
});
