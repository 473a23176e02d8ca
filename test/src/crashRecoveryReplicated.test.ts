/*
 * Crash recovery of a replicated instance (a primary, 2 replicas and 3
 * Sentinels: six processes): the backend (a real process) is killed with
 * kill -9 where create has started every node and where delete is about
 * to stop them or has stopped them. After a restart the operation
 * finishes, the instance serves through Sentinel or is gone, and no
 * process is left that the database does not know.
 */
import Redis from 'ioredis';
import { join } from 'node:path';
import {
  Accepted,
  BackendProcess,
  backendConfig,
  createRequest,
  DbaasApiClient,
  makeTempDir,
  redisProcesses,
  removeDir,
  guestApi,
  waitForOperation,
  findInstance,
} from './harness';

jest.setTimeout(600_000);

const HTTP_PORT = 18599;
const INSTANCE_PORTS = { start: 18590, end: 18598 };
const NODES = 6;

/** `<type>:<step>:<when>` and how many processes run while the backend is paused there. */
const POINTS: Array<[string, number]> = [
  ['create:provision:after', NODES],
  ['delete:deprovision:before', NODES],
  ['delete:deprovision:after', 0],
];

async function throughSentinel(api: DbaasApiClient, id: string) {
  const connection = await api.getConnection(id);
  const client = new Redis({
    sentinels: connection.sentinel!.endpoints,
    name: connection.sentinel!.masterName,
    username: connection.username,
    password: connection.password,
    sentinelUsername: connection.username,
    sentinelPassword: connection.password,
    maxRetriesPerRequest: 1,
  });
  client.on('error', () => undefined);
  try {
    await client.set('after-the-crash', 'served');
    return await client.get('after-the-crash');
  } finally {
    client.disconnect();
  }
}

describe('crash recovery of a replicated instance', () => {
  it.each(POINTS)('kill -9 at %s', async (point, serversAtPause) => {
    const work = await makeTempDir(
      `dbaas-crash-replicated-${point.replace(/:/g, '-')}-`,
    );
    const dataDir = join(work, 'instances');
    const backends: BackendProcess[] = [];
    const start = async (pauseAt?: string) => {
      const backend = await BackendProcess.start({
        name: `backend-${backends.length + 1}${pauseAt ? '-paused' : ''}`,
        workDir: work,
        port: HTTP_PORT,
        config: backendConfig({
          database: { sqliteDirectory: join(work, 'sqlite') },
          dataDir,
          portRange: INSTANCE_PORTS,
          leaseMs: 2000,
          pauseAt,
        }),
      });
      backends.push(backend);
      return backend;
    };

    try {
      let accepted: Accepted;
      const paused = await start(point);
      try {
        const api = await guestApi(paused.baseUrl);
        accepted = await api.createInstance({
          body: createRequest('crash-replicated', { replicas: 2 }),
        });
        if (point.startsWith('delete')) {
          const created = await waitForOperation(api, accepted.operation.id);
          expect(created.status).toBe('succeeded');
          accepted = await api.deleteInstance(accepted.instance.id);
        }
        await paused.waitForLine(
          new RegExp(`^DBAAS_FAULT_PAUSED ${point}$`),
          60_000,
        );
        const servers = (await redisProcesses(dataDir)).get(
          accepted.instance.id,
        );
        expect(servers?.length ?? 0).toBe(serversAtPause);
      } finally {
        await paused.kill9();
      }

      const backend = await start();
      const api = await guestApi(backend.baseUrl);
      const resumed = await waitForOperation(api, accepted.operation.id, {
        timeoutMs: 90_000,
      });
      expect(resumed.status).toBe('succeeded');

      const processes = await redisProcesses(dataDir);
      if (point.startsWith('create')) {
        const instance = await api.getInstance(accepted.instance.id);
        expect(instance?.status).toBe('running');
        expect(instance?.endpoints.map(e => e.role)).toEqual([
          'primary',
          'replica',
          'replica',
          'sentinel',
          'sentinel',
          'sentinel',
        ]);
        expect(processes.get(accepted.instance.id)).toHaveLength(NODES);
        expect(await throughSentinel(api, accepted.instance.id)).toBe('served');
        const deletion = await api.deleteInstance(accepted.instance.id);
        expect(
          (await waitForOperation(api, deletion.operation.id)).status,
        ).toBe('succeeded');
      } else {
        expect(await findInstance(api, accepted.instance.id)).toBeUndefined();
      }
      expect((await api.listInstances()).items).toEqual([]);
      expect(Object.fromEntries(await redisProcesses(dataDir))).toEqual({});
      await backend.stop();
      await removeDir(work);
    } catch (error) {
      (error as Error).message += `\n(backend logs and data kept in ${work})`;
      throw error;
    } finally {
      for (const backend of backends) await backend.kill9();
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
  });
});
