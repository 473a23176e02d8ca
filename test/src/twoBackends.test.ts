/*
 * Acceptance: two backend processes on one PostgreSQL, 50 concurrent
 * creates: 50 instances, each operation run once, distinct ports.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BackendProcess,
  backendConfig,
  connectPostgres,
  createRequest,
  DbaasApiClient,
  dropDatabases,
  makeTempDir,
  POSTGRES_URL,
  redisProcesses,
  redisSetGet,
  removeDir,
  uniqueDatabasePrefix,
  guestApi,
  waitForOperation,
  findInstance,
} from './harness';
import { operationSummary, succeededSummary } from './checks/operationSummary';

jest.setTimeout(600_000);

const COUNT = 50;
const HTTP_PORTS = [7118, 7119];
const INSTANCE_PORTS = { start: 17700, end: 17899 };
/** Fifty pollers per backend: poll gently. */
const POLL = { timeoutMs: 300_000, intervalMs: 1000 };

const prefix = uniqueDatabasePrefix();
let work: string;
let dataDir: string;
const backends: BackendProcess[] = [];
let clients: DbaasApiClient[] = [];

/** The operations a backend's worker logged as succeeded, among `ids`. */
function finishedOperations(
  backend: BackendProcess,
  ids: string[],
): Set<string> {
  const wanted = new Set(ids);
  const finished = new Set<string>();
  for (const line of backend.lines) {
    const id = /Operation \w+ succeeded.* operation="([^"]+)"/.exec(line)?.[1];
    if (id && wanted.has(id)) finished.add(id);
  }
  return finished;
}

/** The operation rows as stored, read past the API. */
async function operationRows(ids: string[]) {
  const db = connectPostgres(`${prefix}dbaas`);
  try {
    return await db('dbaas_operations')
      .whereIn('id', ids)
      .select('id', 'claims', 'status');
  } finally {
    await db.destroy();
  }
}

beforeAll(async () => {
  work = await makeTempDir('dbaas-two-backends-');
  dataDir = join(work, 'instances');
  const config = backendConfig({
    database: { postgresUrl: POSTGRES_URL, prefix },
    dataDir,
    portRange: INSTANCE_PORTS,
  });
  // One after the other: the first creates the databases and runs the
  // migrations. Two processes migrating an empty PostgreSQL database at the
  // same moment race in knex (Backstage's scheduler tables included), a
  // first-deployment problem these tests do not cover.
  for (const [i, port] of HTTP_PORTS.entries()) {
    backends.push(
      await BackendProcess.start({
        name: `backend-${i + 1}`,
        workDir: work,
        port,
        config,
      }),
    );
  }
  clients = await Promise.all(backends.map(b => guestApi(b.baseUrl)));
});

afterAll(async () => {
  for (const backend of backends) await backend.kill9();
  if (!work) return;
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
  await dropDatabases(prefix);
  await removeDir(work);
});

test('two backends on one PostgreSQL run 50 concurrent creates and deletes, each operation once', async () => {
  const names = Array.from(
    { length: COUNT },
    (_, i) => `twin-${String(i).padStart(2, '0')}`,
  );
  const client = (i: number) => clients[i % clients.length];

  const accepted = await Promise.all(
    names.map((name, i) =>
      client(i).createInstance({ body: createRequest(name) }),
    ),
  );
  const creates = await Promise.all(
    accepted.map((a, i) => waitForOperation(client(i), a.operation.id, POLL)),
  );
  for (const op of creates) {
    expect(operationSummary(op)).toEqual(
      succeededSummary(['provision', 'wait-ready', 'finalize']),
    );
  }

  const instances = (await clients[0].listInstances()).items;
  expect(instances.map(i => [i.name, i.status]).sort()).toEqual(
    names.map(name => [name, 'running']),
  );
  const connections = await Promise.all(
    instances.map((instance, i) => client(i).getConnection(instance.id)),
  );
  const ports = connections.map(c => c.port);
  expect(new Set(ports).size).toBe(COUNT);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(INSTANCE_PORTS.start);
    expect(port).toBeLessThanOrEqual(INSTANCE_PORTS.end);
  }
  const values = await Promise.all(
    connections.map((c, i) => redisSetGet(c, 'who', instances[i].name)),
  );
  expect(values).toEqual(instances.map(i => i.name));

  const processes = await redisProcesses(dataDir);
  expect(Object.fromEntries(processes)).toEqual(
    Object.fromEntries(instances.map(i => [i.id, [expect.any(Number)]])),
  );

  const deletions = await Promise.all(
    instances.map((instance, i) => client(i).deleteInstance(instance.id)),
  );
  const deletes = await Promise.all(
    deletions.map((d, i) => waitForOperation(client(i), d.operation.id, POLL)),
  );
  for (const op of deletes) {
    expect(operationSummary(op)).toEqual(
      succeededSummary(['deprovision', 'wait-gone', 'finalize']),
    );
  }

  // Each claim is a compare-and-set on this counter: 1 means one run.
  const operationIds = [...creates, ...deletes].map(op => op.id);
  const rows = await operationRows(operationIds);
  expect(rows).toHaveLength(2 * COUNT);
  expect(rows.filter(r => Number(r.claims) !== 1)).toEqual([]);
  // Both backends did part of the work, and no operation finished in both.
  const finishedBy = backends.map(b => finishedOperations(b, operationIds));
  expect(Math.min(...finishedBy.map(ids => ids.size))).toBeGreaterThan(0);
  expect(finishedBy[0].size + finishedBy[1].size).toBe(2 * COUNT);
  expect(new Set([...finishedBy[0], ...finishedBy[1]]).size).toBe(2 * COUNT);

  for (const api of clients) {
    expect((await api.listInstances()).items).toEqual([]);
  }
  for (const instance of instances) {
    expect(await findInstance(clients[0], instance.id)).toBeUndefined();
  }
  expect(await redisProcesses(dataDir)).toEqual(new Map());
  expect((await readdir(dataDir)).filter(name => name !== 'ports')).toEqual([]);
  expect(await readdir(join(dataDir, 'ports'))).toEqual([]);

  await Promise.all(backends.map(b => b.stop()));
  expect(backends.map(b => b.running)).toEqual([false, false]);
  expect(await dropDatabases(prefix)).toContain(`${prefix}dbaas`);
});
