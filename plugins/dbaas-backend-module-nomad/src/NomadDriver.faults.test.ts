/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRetriedThenDone", "expectCreateFailed"] }] */
// Each row's assertions are one of two shapes, kept in the helpers named above.
import Redis from 'ioredis';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { buildEngineArtifact } from '@justmanage/plugin-dbaas-node';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The backend's own test harness, so each fault is met by the real
// operation worker; it is not published, hence not exported.
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import {
  ALICE,
  startDbaasTestBackend,
} from '@justmanage/plugin-dbaas-backend/src/__testUtils__/startDbaasTestBackend';
import { NomadClient } from './client';
import { dbaasModuleNomadDriver } from './module';
import { nomadDriverPolicy } from './aclPolicy';
import { startAgent } from './__testUtils__/agentKit';

jest.setTimeout(240_000);

const ENGINES = '/opt/justmanage/engines';
const POLICY = 'jm-faults';
const MAX_ATTEMPTS = 4;

type Operation = {
  status: string;
  error?: string;
  log: { message: string }[];
};

/**
 * Acceptance 3 of issue 15: faults injected into the Nomad test agent the
 * way Nomad fails, each met by a real operation through the backend's API.
 * A row says what the user then sees: the operation's status, Nomad's
 * reason in its error or in the log line of a retry, and the instance's
 * status.
 */
describe('faults of a Nomad cluster, as a user of the API sees them', () => {
  let kit: Awaited<ReturnType<typeof startAgent>>;
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let scratch: string;
  let nomad: NomadClient;
  /** The instance the change rows work on. */
  let steady: string;
  const clients: Redis[] = [];

  beforeAll(async () => {
    kit = await startAgent(
      '127.0.93',
      { min: 19850, max: 19879 },
      { acl: true },
    );
    scratch = await mkdtemp(join(tmpdir(), 'jm-nomad-faults-'));
    // A build that needs more memory than any instance reserves: under
    // `exec` its cgroup limit is the task's MemoryMB.
    const hungry = join(scratch, 'hungry-redis-server');
    await writeFile(
      hungry,
      `#!/bin/sh\nexec ${process.execPath} -e "globalThis.b = Buffer.alloc(400 << 20, 1); setInterval(() => {}, 1000)"\n`,
      { mode: 0o755 },
    );
    // The valkey build as the project's engine tarball (the one the VM
    // driver installs), for Nomad to fetch and check.
    const manifest = await buildEngineArtifact(
      `${ENGINES}/valkey-8.0.1+bpo12.1`,
      scratch,
    );
    const tarball = join(scratch, manifest.file);
    const sha256 = manifest.sha256;
    const fromTarball = {
      engine: 'valkey',
      // The tarball holds one folder, <engine>-<version>, with bin/ inside.
      command: `\${NOMAD_TASK_DIR}/engine/${manifest.engine}-${manifest.version}/${manifest.server}`,
    };
    const token = kit.agent.createClientToken(POLICY, nomadDriverPolicy());
    nomad = NomadClient.create({
      address: kit.agent.address,
      token: kit.agent.managementToken,
    });
    backend = await startDbaasTestBackend({
      portRange: { start: 19880, end: 19889 },
      driverModule: dbaasModuleNomadDriver,
      dbaas: {
        operations: {
          pollIntervalMs: 50,
          readyTimeoutMs: 8_000,
          maxStepAttempts: MAX_ATTEMPTS,
        },
        drivers: {
          nomad: {
            address: kit.agent.address,
            token,
            regions: [{ name: 'eu-1', datacenters: ['dc1'] }],
            engines: [
              {
                engine: 'redis',
                version: '7.0.15',
                command: `${ENGINES}/redis-7.0.15+deb12u7/bin/redis-server`,
              },
              {
                engine: 'redis',
                version: '7.2.4',
                command: `${ENGINES}/redis-7.2.4-not-installed/bin/redis-server`,
              },
              { engine: 'redis', version: '6.0.16', command: hungry },
              {
                ...fromTarball,
                version: '8.0.1',
                artifact: { source: tarball, checksum: `sha256:${sha256}` },
              },
              {
                // A mirror that serves another file than the one released.
                ...fromTarball,
                version: '7.2.5',
                artifact: {
                  source: tarball,
                  checksum: `sha256:${'0'.repeat(64)}`,
                },
              },
            ],
            task: {
              driver: 'exec',
              minHealthyTimeMs: 200,
              checkIntervalMs: 100,
              restart: { attempts: 2, intervalMs: 60_000, delayMs: 200 },
            },
            rolloutTimeoutMs: 15_000,
            requestTimeoutMs: 2_000,
          },
        },
      },
    });
    steady = (await create('steady')).id;
    const client = await appClient(steady);
    for (let i = 0; i < 200; i++) await client.set(`k:${i}`, i);
  });

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await backend?.stop();
    await kit?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  async function finished(operationId: string): Promise<Operation> {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const res = await backend.api
        .get(`/api/dbaas/operations/${operationId}?waitMs=5000`)
        .set(backend.as(ALICE));
      if (['succeeded', 'failed'].includes(res.body.status)) return res.body;
      if (Date.now() > deadline) throw new Error(`still ${res.body.status}`);
    }
  }

  async function create(name: string, overrides: Record<string, unknown> = {}) {
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send({
        name,
        owner: 'group:default/team-a',
        description: `Fault ${name}`,
        engine: 'redis',
        version: '7.0.15',
        platform: 'nomad',
        region: 'eu-1',
        resources: { memoryMb: 32, cpu: 0.25, diskGb: 1 },
        persistence: 'rdb',
        maxmemoryPolicy: 'noeviction',
        ...overrides,
      });
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(202);
    return {
      id: res.body.instance.id as string,
      operation: await finished(res.body.operation.id),
    };
  }

  async function resize(id: string, memoryMb: number): Promise<Operation> {
    const res = await backend.api
      .patch(`/api/dbaas/instances/${id}`)
      .set(backend.as(ALICE))
      .send({ resources: { memoryMb } });
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(202);
    return finished(res.body.operation.id);
  }

  async function instance(id: string) {
    return backend.api.get(`/api/dbaas/instances/${id}`).set(backend.as(ALICE));
  }

  async function appClient(id: string) {
    const { body } = await backend.api
      .get(`/api/dbaas/instances/${id}/connection`)
      .set(backend.as(ALICE));
    const client = new Redis({
      host: body.host,
      port: body.port,
      username: body.username,
      password: body.password,
      maxRetriesPerRequest: 1,
    });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  }

  const logOf = (operation: Operation) =>
    operation.log.map(l => l.message).join('\n');
  const retries = (operation: Operation) =>
    logOf(operation).match(/failed \(attempt \d+ of \d+\), retrying/g)
      ?.length ?? 0;

  /** A change of `steady` that met a passing fault: retried, then done. */
  async function expectRetriedThenDone(
    operation: Operation,
    reason: RegExp,
    memoryMb: number,
  ) {
    expect(operation.error).toBeUndefined();
    expect(operation.status).toBe('succeeded');
    expect(retries(operation)).toBeGreaterThanOrEqual(1);
    expect(logOf(operation)).toMatch(reason);
    const { body } = await instance(steady);
    expect(body).toMatchObject({ status: 'running' });
    expect(body.resources.memoryMb).toBe(memoryMb);
    // The data came along, whichever allocation serves it now.
    const client = await appClient(steady);
    expect(await client.get('k:199')).toBe('199');
    expect(await client.info('memory')).toContain(
      `maxmemory:${memoryMb * 1024 * 1024}\r\n`,
    );
  }

  /** A create that met a lasting fault: failed in Nomad's words, cleaned up. */
  async function expectCreateFailed(
    created: { id: string; operation: Operation },
    reason: RegExp,
    attempts: number,
  ) {
    expect(created.operation.status).toBe('failed');
    expect(created.operation.error).toMatch(reason);
    expect(retries(created.operation)).toBe(attempts - 1);
    const { body } = await instance(created.id);
    expect(body.status).toBe('failed');
    // Nothing of it is left running on the cluster.
    const allocs = await nomad
      .jobAllocations(`jm-${created.id}`)
      .then(r => r.value)
      .catch(() => []);
    expect(
      allocs.filter(
        a => !['complete', 'failed', 'lost'].includes(a.ClientStatus),
      ),
    ).toEqual([]);
  }

  it('the agent unreachable for a moment: the step is retried with the refused connection named, and the resize is done', async () => {
    await kit.agent.goDown();
    const back = new Promise(resolve => setTimeout(resolve, 1000)).then(() =>
      kit.agent.comeBack(),
    );
    const operation = await resize(steady, 48);
    await back;
    await expectRetriedThenDone(
      operation,
      /retrying in \d+ ms: Nomad \w+ \/v1\/\S+: no answer \(ECONNREFUSED\)/,
      48,
    );
  });

  it('a blocking query that outlives its wait: retried naming the query, and the node is replaced', async () => {
    const release = kit.agent.faults.stallRequests({
      match: /^\/v1\/job\/[^/]+\/allocations$/,
      blocking: true,
      count: 1,
    });
    try {
      const operation = await resize(steady, 200);
      await expectRetriedThenDone(
        operation,
        /retrying in \d+ ms: Nomad GET \/v1\/job\/jm-\S+\/allocations: no answer \(.*(timeout|aborted).*\)/i,
        200,
      );
      // 200 MB reserves more than the first allocation had: a new one serves.
      expect(logOf(operation)).toMatch(
        /Nomad plan for jm-\S+: node-0 \(edited/,
      );
    } finally {
      release();
    }
  });

  it('another writer registers the job in between (EnforceIndex): retried with Nomad’s words, then registered over it', async () => {
    const jobId = `jm-${steady}`;
    kit.agent.faults.interpose(
      { match: new RegExp(`^/v1/job/${jobId}$`), method: 'POST' },
      async () => {
        const job = (await nomad.readJob(jobId))!.value;
        await nomad.registerJob({
          ...job,
          Meta: { ...job.Meta, edited_by: 'someone else' },
        });
      },
    );
    const operation = await resize(steady, 100);
    await expectRetriedThenDone(
      operation,
      /retrying in \d+ ms: Nomad POST \/v1\/job\/jm-\S+: 500 Enforcing job modify index \d+: job exists with conflicting job modify index: \d+/,
      100,
    );
    const job = (await nomad.readJob(jobId))!.value;
    expect(job.Meta?.edited_by).toBeUndefined();
  });

  it('the agent answering 500 once: the delete is retried naming "No cluster leader", and nothing is left', async () => {
    kit.agent.faults.failRequests({
      status: 500,
      body: 'No cluster leader',
      match: new RegExp(`^/v1/job/jm-${steady}$`),
      method: 'DELETE',
      count: 1,
    });
    const res = await backend.api
      .delete(`/api/dbaas/instances/${steady}`)
      .set(backend.as(ALICE));
    expect(res.status).toBe(202);
    const operation = await finished(res.body.operation.id);
    expect(operation.error).toBeUndefined();
    expect(operation.status).toBe('succeeded');
    expect(retries(operation)).toBe(1);
    expect(logOf(operation)).toMatch(
      /retrying in \d+ ms: Nomad DELETE \/v1\/job\/jm-\S+: 500 No cluster leader/,
    );
    expect((await instance(steady)).status).toBe(404);
    expect(await nomad.readJob(`jm-${steady}`)).toBeUndefined();
  });

  it('no client has the memory: the create fails with Nomad’s placement failure after its retries', async () => {
    // 800 MB reserves 1280 MB; each client node has 1024 MB.
    const created = await create('too-big', {
      resources: { memoryMb: 800, cpu: 0.25, diskGb: 1 },
    });
    await expectCreateFailed(
      created,
      /Nomad could not place node-0: Resources exhausted on 2 nodes; Dimension "memory" exhausted on 2 nodes/,
      MAX_ATTEMPTS,
    );
  });

  it('the task’s binary is missing: the allocation fails at once and the create fails naming the driver’s error', async () => {
    const created = await create('no-binary', { version: '7.2.4' });
    await expectCreateFailed(
      created,
      /Driver Failure: failed to launch command with executor: .*ENOENT.*\(Not Restarting: Error was unrecoverable\)/,
      MAX_ATTEMPTS,
    );
  });

  it('the task is killed for OOM on every start: the create fails naming the OOM kill', async () => {
    const created = await create('hungry', { version: '6.0.16' });
    await expectCreateFailed(
      created,
      /Terminated: Exit Code: 137, Signal: 9, Exit Message: "OOM Killed"/,
      MAX_ATTEMPTS,
    );
  });

  it('an engine build from a checksummed tarball: Nomad fetches and checks it, and the instance serves from it', async () => {
    const created = await create('from-tarball', {
      engine: 'valkey',
      version: '8.0.1',
    });
    expect(created.operation.error).toBeUndefined();
    expect(created.operation.status).toBe('succeeded');
    const client = await appClient(created.id);
    expect(await client.info('server')).toMatch(/valkey_version:8\.0\.1/);
    const job = (await nomad.readJob(`jm-${created.id}`))!.value;
    expect(job.TaskGroups[0].Tasks[0].Artifacts).toEqual([
      expect.objectContaining({
        GetterOptions: {
          checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        },
      }),
    ]);
  });

  it('a tarball that fails its checksum: the create fails naming Nomad’s failed artifact download', async () => {
    const created = await create('bad-tarball', {
      engine: 'valkey',
      version: '7.2.5',
    });
    await expectCreateFailed(
      created,
      /Failed Artifact Download: Checksums did not match for valkey-8\.0\.1\+bpo12\.1-x86_64\.tar\.gz/,
      MAX_ATTEMPTS,
    );
  });

  it('a token whose policy lost its write capabilities: 403 Permission denied, final at once, nothing created', async () => {
    kit.agent.updatePolicy(
      POLICY,
      'namespace "default" {\n  policy = "read"\n}\n',
    );
    try {
      const created = await create('denied');
      await expectCreateFailed(
        created,
        /Nomad PUT \/v1\/var\/nomad\/jobs\/jm-\S+\/node-0: 403 Permission denied/,
        1,
      );
      expect(await nomad.readJob(`jm-${created.id}`)).toBeUndefined();
    } finally {
      kit.agent.updatePolicy(POLICY, nomadDriverPolicy());
    }
  });
});
