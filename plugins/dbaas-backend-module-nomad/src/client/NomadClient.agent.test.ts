import {
  isFinalDriverError,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import Redis from 'ioredis';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NomadClient } from './NomadClient';
import { NomadAllocation, NomadJob, SECOND_NS } from './types';
import { eventually, startAgent } from '../__testUtils__/agentKit';

jest.setTimeout(60_000);

const POLICY = `
namespace "default" {
  capabilities = ["list-jobs", "read-job", "submit-job", "alloc-lifecycle", "read-fs"]
  variables {
    path "nomad/jobs/t-*" {
      capabilities = ["read", "write", "destroy", "list"]
    }
  }
}
`;

/** A job running redis-server under raw_exec, its config rendered from a variable. */
function redisJob(
  id: string,
  overrides: Partial<NomadJob> = {},
  memoryMB = 64,
): NomadJob {
  return {
    ID: id,
    Datacenters: ['dc1'],
    Type: 'service',
    TaskGroups: [
      {
        Name: 'node-0',
        Count: 1,
        Networks: [{ DynamicPorts: [{ Label: 'redis' }] }],
        Services: [
          {
            Name: `${id}-redis`,
            PortLabel: 'redis',
            Provider: 'nomad',
            Checks: [
              {
                Name: 'tcp',
                Type: 'tcp',
                Interval: SECOND_NS / 5,
                Timeout: SECOND_NS,
              },
            ],
          },
        ],
        RestartPolicy: {
          Attempts: 2,
          Interval: 60 * SECOND_NS,
          Delay: SECOND_NS / 10,
          Mode: 'fail',
        },
        Update: {
          MaxParallel: 1,
          HealthCheck: 'checks',
          MinHealthyTime: SECOND_NS / 5,
        },
        Tasks: [
          {
            Name: 'redis',
            Driver: 'raw_exec',
            Config: {
              command: '/usr/bin/redis-server',
              args: ['${NOMAD_TASK_DIR}/redis.conf'],
            },
            Templates: [
              {
                DestPath: 'local/redis.conf',
                ChangeMode: 'restart',
                EmbeddedTmpl: [
                  'port {{ env "NOMAD_PORT_redis" }}',
                  'bind {{ env "NOMAD_IP_redis" }}',
                  'dir {{ env "NOMAD_ALLOC_DIR" }}/data',
                  'save ""',
                  `{{ with nomadVar "nomad/jobs/${id}" }}maxmemory {{ .maxmemory }}{{ end }}`,
                  '',
                ].join('\n'),
              },
            ],
            Resources: { CPU: 100, MemoryMB: memoryMB },
            KillTimeout: 2 * SECOND_NS,
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe('NomadClient against the test agent', () => {
  let kit: Awaited<ReturnType<typeof startAgent>>;
  let client: NomadClient;
  let admin: NomadClient;

  beforeAll(async () => {
    kit = await startAgent(
      '127.0.91',
      { min: 18400, max: 18429 },
      { acl: true },
    );
    const token = kit.agent.createClientToken('jm-driver', POLICY);
    client = NomadClient.create({ address: kit.agent.address, token });
    admin = NomadClient.create({
      address: kit.agent.address,
      token: kit.agent.managementToken,
    });
  });
  afterAll(() => kit.stop());

  /** The running allocation of a job's group, read in full (lists carry no ports). */
  async function runningAlloc(jobId: string): Promise<NomadAllocation> {
    return eventually(`${jobId} to run`, async () => {
      const { value } = await client.jobAllocations(jobId);
      const live = value.find(
        a => a.DesiredStatus === 'run' && a.ClientStatus === 'running',
      );
      return live && (await client.readAllocation(live.ID))?.value;
    });
  }

  function addressOf(alloc: NomadAllocation) {
    const port = alloc.AllocatedResources!.Shared!.Ports!.find(
      p => p.Label === 'redis',
    )!;
    return { host: port.HostIP, port: port.Value };
  }

  async function redisAt(
    alloc: NomadAllocation,
    fn: (r: Redis) => Promise<void>,
  ) {
    const redis = new Redis({
      ...addressOf(alloc),
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await fn(redis);
    } finally {
      redis.disconnect();
    }
  }

  it('registers a job whose task runs redis-server with its config rendered from a variable', async () => {
    await client.putVariable('nomad/jobs/t-one', { maxmemory: '12mb' });
    const registered = await client.registerJob(redisJob('t-one'), {
      enforceIndex: 0,
    });
    expect(registered.EvalID).toEqual(expect.any(String));
    const alloc = await runningAlloc('t-one');
    expect(alloc.NodeName).toMatch(/client-/);
    expect(addressOf(alloc).host).toMatch(/^127\.0\.91\./);
    expect(addressOf(alloc).port).toBeGreaterThanOrEqual(18400);
    await redisAt(alloc, async r => {
      expect(await r.ping()).toBe('PONG');
      expect(await r.config('GET', 'maxmemory')).toEqual([
        'maxmemory',
        String(12 * 1024 * 1024),
      ]);
    });
    const events = alloc.TaskStates!.redis.Events!.map(e => e.Type);
    expect(events).toEqual(
      expect.arrayContaining(['Received', 'Task Setup', 'Started']),
    );
    const checks = await eventually('the tcp check to pass', async () => {
      const c = Object.values(await client.allocationChecks(alloc.ID));
      return c.length > 0 && c.every(x => x.Status === 'success') && c;
    });
    expect(checks[0].Output).toBe('nomad: tcp ok');
    const deployment = await eventually(
      'the deployment to succeed',
      async () => {
        const { value } = await client.jobDeployments('t-one');
        return value[0]?.Status === 'successful' && value[0];
      },
    );
    expect(deployment.TaskGroups['node-0'].HealthyAllocs).toBe(1);
  });

  it('registers with EnforceIndex only at the current JobModifyIndex', async () => {
    const current = (await client.readJob('t-one'))!.value;
    const again = await client
      .registerJob(redisJob('t-one'), { enforceIndex: 0 })
      .catch(e => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(again.message).toContain('job already exists');
    const stale = await client
      .registerJob(redisJob('t-one', { Meta: { a: '1' } }), {
        enforceIndex: current.JobModifyIndex! - 1,
      })
      .catch(e => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toContain(
      `conflicting job modify index: ${current.JobModifyIndex}`,
    );
    expect(isFinalDriverError(stale)).toBe(false);
    const ok = await client.registerJob(
      redisJob('t-one', { Meta: { a: '1' } }),
      { enforceIndex: current.JobModifyIndex },
    );
    expect(ok.JobModifyIndex).toBeGreaterThan(current.JobModifyIndex!);
    const versions = await client.jobVersions('t-one', { diffs: true });
    expect(versions.Versions.map(v => v.Version)).toEqual([1, 0]);
    expect(versions.Diffs![0].Fields).toEqual([
      expect.objectContaining({ Name: 'Meta[a]', Type: 'Added', New: '1' }),
    ]);
  });

  it('plans with a diff: nothing for the same job, a create/destroy update for new resources', async () => {
    const same = await client.planJob(redisJob('t-one', { Meta: { a: '1' } }));
    expect(same.Diff!.Type).toBe('None');
    expect(same.Annotations!.DesiredTGUpdates!['node-0'].Ignore).toBe(1);
    const bigger = await client.planJob(
      redisJob('t-one', { Meta: { a: '1' } }, 96),
    );
    expect(bigger.Diff!.Type).toBe('Edited');
    const group = bigger.Diff!.TaskGroups![0];
    expect(group.Updates).toEqual({ 'create/destroy update': 1 });
    expect(group.Tasks![0].Annotations).toEqual([
      'forces create/destroy update',
    ]);
    expect(JSON.stringify(group.Tasks![0].Objects)).toContain(
      '"Name":"MemoryMB","Old":"64","New":"96"',
    );
    // A plan registers nothing.
    expect((await client.readJob('t-one'))!.value.Version).toBe(1);
  });

  it('answers a blocking query only once the index moves, or after wait', async () => {
    // Any allocation write wakes the query (Nomad promises no more), so
    // let the last update's health reports settle first.
    const version = (await client.readJob('t-one'))!.value.Version;
    await eventually('the latest deployment to succeed', async () => {
      const { value } = await client.jobDeployments('t-one');
      return (
        value[0]?.JobVersion === version && value[0].Status === 'successful'
      );
    });
    const { index } = await client.jobAllocations('t-one');
    const started = Date.now();
    const timedOut = await client.jobAllocations('t-one', {
      index,
      waitMs: 300,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(timedOut.index).toBe(index);

    let answered = false;
    const blocked = client
      .jobAllocations('t-one', { index, waitMs: 20_000 })
      .then(r => {
        answered = true;
        return r;
      });
    await new Promise(r => setTimeout(r, 300));
    expect(answered).toBe(false);
    await admin.registerJob(redisJob('t-one', { Meta: { a: '2' } }));
    const moved = await blocked;
    expect(moved.index).toBeGreaterThan(index);
  });

  it('reports a job too big for every node the way Nomad does, and leaves a blocked evaluation', async () => {
    await client.putVariable('nomad/jobs/t-big', { maxmemory: '1mb' });
    const { EvalID } = await client.registerJob(redisJob('t-big', {}, 4096));
    const evaluation = await eventually(
      'the evaluation to complete',
      async () => {
        const e = (await client.readEvaluation(EvalID))?.value;
        return e?.Status === 'complete' && e;
      },
    );
    expect(evaluation.FailedTGAllocs!['node-0']).toMatchObject({
      NodesEvaluated: 2,
      NodesExhausted: 2,
      DimensionExhausted: { memory: 2 },
    });
    expect(evaluation.BlockedEval).toEqual(expect.any(String));
    const blocked = (await client.readEvaluation(evaluation.BlockedEval!))!
      .value;
    expect(blocked.Status).toBe('blocked');
    await client.deregisterJob('t-big', { purge: true });
  });

  it('refuses what the token may not do with Permission denied, and an unknown token', async () => {
    const denied = await client
      .putVariable('nomad/jobs/other', { a: 'b' })
      .catch(e => e);
    expect(denied).toBeInstanceOf(NotAllowedError);
    expect(denied.message).toContain('403 Permission denied');
    expect(isFinalDriverError(denied)).toBe(true);
    const stranger = NomadClient.create({
      address: kit.agent.address,
      token: '00000000-0000-0000-0000-000000000000',
    });
    await expect(stranger.listJobs('')).rejects.toThrow('ACL token not found');
    const anonymous = NomadClient.create({ address: kit.agent.address });
    await expect(anonymous.listJobs('')).rejects.toThrow('Permission denied');
  });

  it('restarts a killed task by its restart policy, and gives up with the reason past its attempts', async () => {
    const alloc = await runningAlloc('t-one');
    const [pid] = kit.agent.taskPids(alloc.ID);
    process.kill(pid, 'SIGKILL');
    const restarted = await eventually('a restart that serves', async () => {
      const a = (await client.readAllocation(alloc.ID))!.value;
      if (
        a.TaskStates!.redis.Restarts !== 1 ||
        a.TaskStates!.redis.State !== 'running'
      )
        return false;
      await redisAt(a, async r => expect(await r.ping()).toBe('PONG'));
      return a;
    });
    expect(restarted.TaskStates!.redis.Events!.map(e => e.Type)).toEqual(
      expect.arrayContaining(['Terminated', 'Restarting', 'Started']),
    );

    // A command that exits at once: two restarts, then the task fails.
    const failing = redisJob('t-crash');
    failing.TaskGroups[0].Tasks[0].Config = { command: '/bin/false' };
    failing.TaskGroups[0].Tasks[0].Templates = [];
    failing.TaskGroups[0].ReschedulePolicy = { Attempts: 0, Unlimited: false };
    await client.registerJob(failing);
    const failed = await eventually('the task to fail', async () => {
      const [a] = (await client.jobAllocations('t-crash')).value;
      return a?.ClientStatus === 'failed' && a;
    });
    const events = failed.TaskStates!.redis.Events!;
    expect(events[events.length - 1]).toMatchObject({
      Type: 'Not Restarting',
      FailsTask: true,
      DisplayMessage:
        'Exceeded allowed attempts 2 in interval 1m0s and mode is "fail"',
    });
    expect(failed.TaskStates!.redis.Restarts).toBe(2);
    await client.deregisterJob('t-crash', { purge: true });
  });

  it('re-renders a template when its variable changes and restarts the task (change_mode restart)', async () => {
    const before = await runningAlloc('t-one');
    const variable = (await client.readVariable('nomad/jobs/t-one'))!.value;
    await client.putVariable(
      'nomad/jobs/t-one',
      { maxmemory: '13mb' },
      { cas: variable.ModifyIndex },
    );
    await eventually('the new maxmemory', async () => {
      const a = (await client.readAllocation(before.ID))!.value;
      if (a.TaskStates!.redis.State !== 'running') return false;
      let value: unknown;
      await redisAt(a, async r => {
        value = ((await r.config('GET', 'maxmemory')) as string[])[1];
      });
      return value === String(13 * 1024 * 1024);
    });
    const stale = await client
      .putVariable(
        'nomad/jobs/t-one',
        { maxmemory: '1mb' },
        { cas: variable.ModifyIndex },
      )
      .catch(e => e);
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it('reverts to an older version as a new version', async () => {
    const { Versions } = await client.jobVersions('t-one');
    const current = Versions[0].Version!;
    await client.revertJob('t-one', 0, { enforcePriorVersion: current });
    const job = (await client.readJob('t-one'))!.value;
    expect(job.Version).toBe(current + 1);
    expect(job.Meta ?? null).toBeNull();
    const wrongPrior = await client
      .revertJob('t-one', 0, { enforcePriorVersion: current })
      .catch(e => e);
    expect(wrongPrior.message).toContain(
      `current job has version ${current + 1}`,
    );
  });

  it('replaces the allocations of a lost node on another node', async () => {
    const before = await runningAlloc('t-one');
    await kit.agent.loseNode(before.NodeName!);
    const replacement = await eventually('a replacement', async () => {
      const a = await runningAlloc('t-one');
      return a.ID !== before.ID && a;
    });
    expect(replacement.NodeName).not.toBe(before.NodeName);
    expect(replacement.PreviousAllocation).toBe(before.ID);
    const lost = (await client.readAllocation(before.ID))!.value;
    expect(lost.ClientStatus).toBe('lost');
  });

  it("fails a task whose artifact does not match its checksum, in go-getter's words", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jm-artifact-'));
    const file = join(dir, 'redis.tar.gz');
    await writeFile(file, 'not really a tarball');
    const job = redisJob('t-artifact');
    job.TaskGroups[0].RestartPolicy = {
      Attempts: 0,
      Interval: 60 * SECOND_NS,
      Delay: SECOND_NS / 10,
      Mode: 'fail',
    };
    job.TaskGroups[0].ReschedulePolicy = { Attempts: 0, Unlimited: false };
    job.TaskGroups[0].Tasks[0].Templates = [];
    job.TaskGroups[0].Tasks[0].Artifacts = [
      {
        GetterSource: file,
        GetterOptions: { checksum: `sha256:${'0'.repeat(64)}` },
        RelativeDest: 'local/',
      },
    ];
    await client.registerJob(job);
    const failed = await eventually('the download to fail', async () => {
      const [a] = (await client.jobAllocations('t-artifact')).value;
      return a?.ClientStatus === 'failed' && a;
    });
    const download = failed.TaskStates!.redis.Events!.find(
      e => e.Type === 'Failed Artifact Download',
    )!;
    expect(download.DownloadError).toMatch(
      /^Checksums did not match for redis.tar.gz.\nExpected: 0{64}\nGot: [0-9a-f]{64}$/,
    );
    await client.deregisterJob('t-artifact', { purge: true });
    await rm(dir, { recursive: true });
  });

  it('holds a task whose template needs a variable that does not exist, and starts it once it does', async () => {
    await client.registerJob(redisJob('t-wait'));
    const waiting = await eventually('the Missing event', async () => {
      const [a] = (await client.jobAllocations('t-wait')).value;
      return (
        a?.TaskStates?.redis?.Events?.some(e => e.Type === 'Template') && a
      );
    });
    expect(waiting.ClientStatus).toBe('pending');
    expect(
      waiting.TaskStates!.redis.Events!.find(e => e.Type === 'Template')!
        .DisplayMessage,
    ).toBe('Missing: nomad.var.block(nomad/jobs/t-wait@default.global)');
    await client.putVariable('nomad/jobs/t-wait', { maxmemory: '5mb' });
    await runningAlloc('t-wait');
    await client.deregisterJob('t-wait', { purge: true });
  });

  it('reads a file of an allocation directory with read-fs, never one outside it, and not without read-fs', async () => {
    await client.putVariable('nomad/jobs/t-fs', { maxmemory: '7mb' });
    await client.registerJob(redisJob('t-fs'));
    const alloc = await runningAlloc('t-fs');
    const conf = await client.readAllocFile(alloc.ID, 'redis/local/redis.conf');
    expect(conf.toString('utf8')).toContain('maxmemory 7mb');
    // A path climbing out stays inside the allocation directory.
    const outside = await client
      .readAllocFile(alloc.ID, '../../../../../../etc/hostname')
      .catch(e => e);
    expect(outside.message).toMatch(/no such file or directory/);
    const withoutFs = NomadClient.create({
      address: kit.agent.address,
      token: kit.agent.createClientToken(
        'no-fs',
        POLICY.replace(', "read-fs"', ''),
      ),
    });
    const denied = await withoutFs
      .readAllocFile(alloc.ID, 'redis/local/redis.conf')
      .catch(e => e);
    expect(denied).toBeInstanceOf(NotAllowedError);
    await client.deregisterJob('t-fs', { purge: true });
  });

  it('reports an agent answering 500 as unavailable, in its words', async () => {
    const restore = kit.agent.faults.failRequests({
      status: 500,
      body: 'No cluster leader',
    });
    const error = await client.listJobs('t-').catch(e => e);
    restore();
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect(error.message).toContain('No cluster leader');
    expect(isFinalDriverError(error)).toBe(false);
  });

  it('stops every process when the job is purged', async () => {
    const alloc = await runningAlloc('t-one');
    const [pid] = kit.agent.taskPids(alloc.ID);
    await client.deregisterJob('t-one', { purge: true });
    expect(await client.readJob('t-one')).toBeUndefined();
    await eventually('the process to exit', async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
  });
});
