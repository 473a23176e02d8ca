import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  connect,
  loginsOf,
  isServing,
  makeContext,
  makeDataDir,
  makeDriver,
  makeSpec,
  readPid,
  serverPidsOnPort,
  assertNoServersUnder,
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
    const driver = makeDriver(dataDir, PORTS, { supervisor: SUPERVISOR });
    drivers.push(driver);
    await driver.start();
    return driver;
  }

  /** Waits for the supervisor to put a new server in place of `pid`. */
  function waitForReplacement(id: string, pid: number): Promise<number> {
    return waitFor('a restarted server', async () => {
      const current = await readPid(dataDir, id).catch(() => pid);
      return current !== pid && (await isServing(current)) && current;
    });
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
    await assertNoServersUnder(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('restarts a killed server with its data and users', async () => {
    const driver = await startedDriver();
    const spec = makeSpec('phoenix', { persistence: 'aof' });
    await driver.provision(spec, makeContext());
    const port = (await driver.observe('phoenix')).nodes[0].endpoint!.port;
    const before = connect(port, loginsOf(spec.instanceId).app);
    try {
      await before.connect();
      await before.set('survivor', 'still here');
    } finally {
      before.disconnect();
    }

    const pid = await readPid(dataDir, 'phoenix');
    process.kill(pid, 'SIGKILL');

    const newPid = await waitForReplacement('phoenix', pid);
    expect(newPid).not.toBe(pid);
    await waitFor(
      'the restarted server to run',
      async () => (await driver.observe('phoenix')).phase === 'running',
    );

    const after = connect(port, loginsOf(spec.instanceId).app);
    try {
      await after.connect();
      // 'running' can come while the AOF still loads: an unauthenticated
      // PING is answered NOAUTH before LOADING. Clients get LOADING then.
      const value = await waitFor(
        'the restarted server to have loaded its data',
        async () =>
          after.get('survivor').catch(error => {
            if (/LOADING/.test((error as Error).message)) return undefined;
            throw error;
          }),
      );
      expect(value).toBe('still here');
    } finally {
      after.disconnect();
    }
    expect(await serverPidsOnPort(port)).toEqual([newPid]);
  });

  it('keeps serving after its backend is killed with SIGKILL', async () => {
    const spec = makeSpec('crash-survivor');
    const backend = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(__dirname, '__testUtils__', 'backendProcess.ts'),
      ],
      {
        env: {
          ...process.env,
          JM_DATA_DIR: dataDir,
          JM_PORTS: JSON.stringify(PORTS),
          JM_SPEC: JSON.stringify(spec),
          JM_ADMIN_PASSWORD: loginsOf(spec.instanceId).admin.password,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    backend.stdout.on('data', chunk => {
      output += chunk;
    });
    backend.stderr.on('data', chunk => {
      output += chunk;
    });
    let running = true;
    const exited = new Promise(resolve =>
      backend.once('exit', () => {
        running = false;
        resolve(undefined);
      }),
    );
    let pid: number;
    try {
      const match = await waitFor(
        'the child backend to provision',
        async () => /provisioned (\d+)/.exec(output) ?? (!running && 'exited'),
        30_000,
      );
      if (match === 'exited') {
        throw new Error(`The child backend failed: ${output}`);
      }
      pid = Number(match[1]);
    } finally {
      backend.kill('SIGKILL');
      await exited;
    }

    expect(await isServing(pid)).toBe(true);
    const driver = await startedDriver();
    expect((await driver.observe('crash-survivor')).phase).toBe('running');
    const client = connect(
      (await driver.observe('crash-survivor')).nodes[0].endpoint!.port,
      loginsOf(spec.instanceId).app,
    );
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
    await driver.provision(spec, makeContext());
    expect(await readPid(dataDir, 'crash-survivor')).toBe(pid);
  });

  it('adopts the servers of a previous backend instead of starting more', async () => {
    const first = await startedDriver();
    const spec = makeSpec('adopted');
    await first.provision(spec, makeContext());
    const port = (await first.observe('adopted')).nodes[0].endpoint!.port;
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

    const client = connect(port, loginsOf(spec.instanceId).app);
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('adopts a running server whose pidfile was lost', async () => {
    await startedDriver();
    const spec = makeSpec('orphan');
    const driver = drivers[0];
    await driver.provision(spec, makeContext());
    const port = (await driver.observe('orphan')).nodes[0].endpoint!.port;
    const pid = await readPid(dataDir, 'orphan');
    await rm(join(dataDir, 'orphan', 'redis.pid'));

    // The supervisor sees no live pid, finds the server by its folder and
    // records it instead of launching one that could not bind the port.
    expect(
      await waitFor('the pidfile to be restored', () =>
        readPid(dataDir, 'orphan'),
      ),
    ).toBe(pid);
    expect(await serverPidsOnPort(port)).toEqual([pid]);
    expect((await driver.observe('orphan')).phase).toBe('running');
  });

  it('keeps two supervisors on one data dir from starting duplicates', async () => {
    const a = await startedDriver();
    const b = await startedDriver();
    const spec = makeSpec('contested');
    await a.provision(spec, makeContext());
    const port = (await a.observe('contested')).nodes[0].endpoint!.port;

    for (let round = 0; round < 3; round++) {
      const pid = await readPid(dataDir, 'contested');
      process.kill(pid, 'SIGKILL');
      await waitForReplacement('contested', pid);
      const pids = await serverPidsOnPort(port);
      expect(pids).toEqual([await readPid(dataDir, 'contested')]);
    }
    expect((await b.observe('contested')).phase).toBe('running');
  });

  it('does not revive an instance that is being deprovisioned', async () => {
    const driver = await startedDriver();
    await driver.provision(makeSpec('gone'), makeContext());
    const port = (await driver.observe('gone')).nodes[0].endpoint!.port;

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
