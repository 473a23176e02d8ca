/*
 * Acceptance: a fault-injection test kills the backend (a real process,
 * kill -9) at each step of create and of delete; after restart every
 * instance is either running or cleanly failed, and no redis process is
 * left that the database does not know.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Accepted,
  BackendProcess,
  backendConfig,
  createRequest,
  makeTempDir,
  redisProcesses,
  removeDir,
  ResourcePool,
  guestApi,
  waitForOperation,
  findInstance,
} from './harness';
import { expectFleetConsistent } from './checks/expectFleetConsistent';
import { operationSummary, succeededSummary } from './checks/operationSummary';

jest.setTimeout(600_000);

interface CrashPoint {
  type: 'create' | 'delete';
  step: string;
  when: 'before' | 'after';
  /** The operation's steps, in order. */
  steps: string[];
  /** Live servers of the instance while the backend is paused there. */
  serversAtPause: number;
}

const STEPS: Record<CrashPoint['type'], string[]> = {
  create: ['provision', 'wait-ready', 'finalize'],
  delete: ['deprovision', 'wait-gone', 'finalize'],
};

/** Every point, with what runs there: create starts the server in provision, delete stops it in deprovision. */
const SERVERS_AT_PAUSE: Record<string, number> = {
  'create:provision:before': 0,
  'create:provision:after': 1,
  'create:wait-ready:before': 1,
  'create:wait-ready:after': 1,
  'create:finalize:before': 1,
  'create:finalize:after': 1,
  'delete:deprovision:before': 1,
  'delete:deprovision:after': 0,
  'delete:wait-gone:before': 0,
  'delete:wait-gone:after': 0,
  'delete:finalize:before': 0,
  'delete:finalize:after': 0,
};

const POINTS: CrashPoint[] = Object.entries(SERVERS_AT_PAUSE).map(
  ([name, serversAtPause]) => {
    const [type, step, when] = name.split(':') as [
      CrashPoint['type'],
      string,
      CrashPoint['when'],
    ];
    return { type, step, when, steps: STEPS[type], serversAtPause };
  },
);

const pointName = (p: CrashPoint) => `${p.type}:${p.step}:${p.when}`;

/** Each point runs with its own database, data dir and ports, so a few run at once. */
const httpPorts = new ResourcePool([7110, 7111, 7112]);
const INSTANCE_PORTS_PER_POINT = 8;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function portClaimsOf(dataDir: string, instanceId: string) {
  const folder = join(dataDir, 'ports');
  const claims = (await exists(folder)) ? await readdir(folder) : [];
  const owners = await Promise.all(
    claims.map(async port =>
      (await readFile(join(folder, port), 'utf8')).trim(),
    ),
  );
  return claims.filter((_, i) => owners[i] === instanceId);
}

/** Starts a backend paused at `point`, sends the change, and kills it there. */
async function crashAt(
  point: CrashPoint,
  start: (pauseAt?: string) => Promise<BackendProcess>,
  dataDir: string,
): Promise<Accepted> {
  const backend = await start(pointName(point));
  try {
    const api = await guestApi(backend.baseUrl);
    let accepted = await api.createInstance({
      body: createRequest('crash-victim'),
    });
    if (point.type === 'delete') {
      // The pause is on delete only, so this create runs to the end.
      const created = await waitForOperation(api, accepted.operation.id);
      expect(created.status).toBe('succeeded');
      accepted = await api.deleteInstance(accepted.instance.id);
    }
    await backend.waitForLine(
      new RegExp(`^DBAAS_FAULT_PAUSED ${pointName(point)}$`),
      60_000,
    );
    const servers = (await redisProcesses(dataDir)).get(accepted.instance.id);
    expect(servers?.length ?? 0).toBe(point.serversAtPause);
    return accepted;
  } finally {
    await backend.kill9();
  }
}

/** Returns the servers still running under the data dir once all is deleted and the backend stopped. */
async function runScenario(point: CrashPoint, httpPort: number, index: number) {
  const work = await makeTempDir(
    `dbaas-crash-${pointName(point).replace(/:/g, '-')}-`,
  );
  const dataDir = join(work, 'instances');
  const portStart = 17600 + index * INSTANCE_PORTS_PER_POINT;
  const backends: BackendProcess[] = [];
  const start = async (pauseAt?: string) => {
    const backend = await BackendProcess.start({
      name: `backend-${backends.length + 1}${pauseAt ? '-paused' : ''}`,
      workDir: work,
      port: httpPort,
      config: backendConfig({
        database: { sqliteDirectory: join(work, 'sqlite') },
        dataDir,
        portRange: {
          start: portStart,
          end: portStart + INSTANCE_PORTS_PER_POINT - 1,
        },
        leaseMs: 2000,
        pauseAt,
      }),
    });
    backends.push(backend);
    return backend;
  };

  try {
    const { instance, operation } = await crashAt(point, start, dataDir);

    const backend = await start();
    const api = await guestApi(backend.baseUrl);
    // The dead backend's lease runs out after 2 s; then the new one resumes.
    const resumed = await waitForOperation(api, operation.id, {
      timeoutMs: 60_000,
    });

    // The interrupted step ran again only if it had started: `before` the
    // pause its attempt was not yet counted.
    expect(operationSummary(resumed)).toEqual(
      succeededSummary(point.steps, name =>
        name === point.step && point.when === 'after' ? 2 : 1,
      ),
    );

    const fleet = await expectFleetConsistent(api, dataDir);
    if (point.type === 'create') {
      expect(fleet.map(i => [i.id, i.status])).toEqual([
        [instance.id, 'running'],
      ]);
    } else {
      expect(fleet).toEqual([]);
      expect(await findInstance(api, instance.id)).toBeUndefined();
      expect(await exists(join(dataDir, instance.id))).toBe(false);
      expect(await portClaimsOf(dataDir, instance.id)).toEqual([]);
    }

    for (const { id } of fleet) {
      const deletion = await api.deleteInstance(id);
      expect((await waitForOperation(api, deletion.operation.id)).status).toBe(
        'succeeded',
      );
    }
    expect((await api.listInstances()).items).toEqual([]);
    await backend.stop();
    expect(backend.running).toBe(false);
    const left = await redisProcesses(dataDir);
    await removeDir(work);
    return left;
  } catch (error) {
    (error as Error).message += `\n(backend logs and data kept in ${work})`;
    throw error;
  } finally {
    for (const backend of backends) await backend.kill9();
    // Whatever a failed run left behind: servers under this test's own data dir.
    for (const pids of (await redisProcesses(dataDir)).values()) {
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }
}

describe('crash recovery: kill -9 of the backend at every step of create and delete', () => {
  test.concurrent.each(
    POINTS.map((point, index) => [pointName(point), point, index] as const),
  )('%s', async (_name, point, index) => {
    const left = await httpPorts.use(port => runScenario(point, port, index));
    expect(left).toEqual(new Map());
  });
});
