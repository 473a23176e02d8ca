import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import {
  aclPasswordHash,
  DriverContext,
  DriverInstanceSpec,
  isFinalDriverError,
  ObservedInstance,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { NomadClient } from './client';
import { NomadDriver } from './NomadDriver';
import { eventually, startAgent } from './__testUtils__/agentKit';
import { makeDriver, REGION } from './__testUtils__/driverKit';

jest.setTimeout(90_000);

const ADMIN = { username: 'jm-admin', password: 'admin-secret-Qx7' };
const APP = { username: 'app', password: 'app-secret-Zr9' };

function spec(
  instanceId: string,
  overrides: Partial<DriverInstanceSpec> = {},
): DriverInstanceSpec {
  return {
    instanceId,
    name: instanceId,
    engine: 'redis',
    version: '7.0.15',
    region: REGION,
    resources: { memoryMb: 32, cpu: 0.5, diskGb: 1 },
    persistence: 'none',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 0,
    users: [
      {
        username: ADMIN.username,
        passwordHashes: [aclPasswordHash(ADMIN.password)],
        rules: '~* &* +@all',
      },
      {
        username: APP.username,
        passwordHashes: [aclPasswordHash(APP.password)],
        rules: '~* &* +@all -@admin',
      },
    ],
    admin: {
      username: ADMIN.username,
      password: { ref: 'jm-admin', reveal: async () => ADMIN.password },
    },
    ...overrides,
  };
}

function context(): DriverContext & {
  logger: ReturnType<typeof mockServices.logger.mock>;
} {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
  };
}

function logged(ctx: ReturnType<typeof context>): string {
  return ctx.logger.info.mock.calls.map(c => String(c[0])).join('\n');
}

async function running(
  driver: NomadDriver,
  id: string,
): Promise<ObservedInstance> {
  return eventually(`${id} to run`, async () => {
    const o = await driver.observe(id);
    return (
      o.phase === 'running' && o.nodes.every(n => n.phase === 'running') && o
    );
  });
}

async function asApp<T>(
  o: ObservedInstance,
  fn: (r: Redis) => Promise<T>,
): Promise<T> {
  const redis = new Redis({
    host: o.nodes[0].endpoint!.host,
    port: o.nodes[0].endpoint!.port,
    username: APP.username,
    password: APP.password,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

describe('NomadDriver on the test agent', () => {
  let kit: Awaited<ReturnType<typeof startAgent>>;
  let driver: NomadDriver;
  let nomad: NomadClient;

  beforeAll(async () => {
    kit = await startAgent(
      '127.0.92',
      { min: 18430, max: 18459 },
      { acl: true },
    );
    driver = makeDriver(kit.agent);
    nomad = NomadClient.create({
      address: kit.agent.address,
      token: kit.agent.managementToken,
    });
  });
  afterAll(async () => {
    for (const id of await driver.list())
      await driver.deprovision(id, context());
    await eventually('every job to be gone', async () => {
      for (const id of ['solo', 'kept'])
        if ((await driver.observe(id)).phase !== 'absent') return false;
      return true;
    });
    await kit.stop();
  });

  it('registers one job with one task group per data node, and serves at the allocation address', async () => {
    const ctx = context();
    await driver.provision(spec('solo'), ctx);
    const observed = await running(driver, 'solo');
    expect(observed.nodes).toEqual([
      expect.objectContaining({
        id: 'solo-node-0',
        name: 'node-0',
        role: 'primary',
        ordinal: 0,
        phase: 'running',
      }),
    ]);
    const job = (await nomad.readJob('jm-solo'))!.value;
    expect(job.TaskGroups.map(g => [g.Name, g.Count])).toEqual([['node-0', 1]]);
    const [group] = job.TaskGroups;
    expect(group.Tasks[0]).toMatchObject({
      Driver: 'raw_exec',
      Config: { command: '/usr/bin/redis-server' },
      Resources: { CPU: 500, MemoryMB: 128 },
    });
    expect(group.EphemeralDisk).toMatchObject({ Sticky: true, Migrate: true });
    expect(group.Services![0]).toMatchObject({
      Provider: 'nomad',
      Checks: [expect.objectContaining({ Type: 'tcp' })],
    });
    const allocs = (await nomad.jobAllocations('jm-solo')).value;
    const alloc = (await nomad.readAllocation(allocs[0].ID))!.value;
    const port = alloc.AllocatedResources!.Shared!.Ports![0];
    expect(observed.nodes[0].endpoint).toEqual({
      host: port.HostIP,
      port: port.Value,
      tls: false,
    });
    expect(await asApp(observed, r => r.ping())).toBe('PONG');
    expect(logged(ctx)).toContain(
      'Nomad plan for jm-solo: new job: node-0 (create 1)',
    );
  });

  it('keeps only password hashes in the Nomad Variable', async () => {
    const variable = (await nomad.readVariable('nomad/jobs/jm-solo/node-0'))!
      .value;
    const text = JSON.stringify(variable.Items);
    expect(text).toContain(`#${aclPasswordHash(APP.password)}`);
    expect(text).not.toContain(APP.password);
    expect(text).not.toContain(ADMIN.password);
    expect(variable.Items.redis_conf).toContain('maxmemory 32mb');
  });

  it('plans before registering, and registers nothing when the plan shows no change', async () => {
    const before = (await nomad.readJob('jm-solo'))!.value;
    const ctx = context();
    await driver.provision(spec('solo'), ctx);
    expect(logged(ctx)).toContain('Nomad plan for jm-solo: no changes');
    expect((await nomad.readJob('jm-solo'))!.value.Version).toBe(
      before.Version,
    );
  });

  it('moves a node to a new allocation when its reservation grows, logs the diff, and keeps RDB data on the sticky disk', async () => {
    await driver.provision(spec('kept', { persistence: 'rdb' }), context());
    const first = await running(driver, 'kept');
    await asApp(first, r => r.set('survives', 'yes'));
    const allocBefore = (await nomad.jobAllocations('jm-kept')).value.find(
      a => a.ClientStatus === 'running',
    )!;
    const ctx = context();
    await driver.update(
      spec('kept', {
        persistence: 'rdb',
        resources: { memoryMb: 200, cpu: 0.5, diskGb: 1 },
      }),
      { ...ctx, nodeIds: ['kept-node-0'] },
    );
    expect(logged(ctx)).toMatch(
      /Nomad plan for jm-kept: node-0 \(edited; create\/destroy update 1\): .*redis\.Resources\.MemoryMB: 128 => 384/,
    );
    const after = await eventually(
      'a new allocation that serves the old data',
      async () => {
        const o = await running(driver, 'kept');
        const allocs = (await nomad.jobAllocations('jm-kept')).value;
        const live = allocs.find(
          a => a.ClientStatus === 'running' && a.DesiredStatus === 'run',
        );
        if (!live || live.ID === allocBefore.ID) return false;
        return (await asApp(o, r => r.get('survives'))) === 'yes' && o;
      },
    );
    expect(after.nodes[0].id).toBe('kept-node-0');
  });

  it('refuses, worth a retry and in Nomad’s words, a node no client has room for, and registers nothing', async () => {
    const error = await driver
      .provision(
        spec('huge', { resources: { memoryMb: 900, cpu: 0.5, diskGb: 1 } }),
        context(),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect(isFinalDriverError(error)).toBe(false);
    expect(error.message).toBe(
      'Nomad could not place node-0: Resources exhausted on 2 nodes; Dimension "memory" exhausted on 2 nodes',
    );
    expect(await nomad.readJob('jm-huge')).toBeUndefined();
  });

  it('fails for good, naming Nomad’s refusal, when its token lacks a capability', async () => {
    const token = kit.agent.createClientToken(
      'read-only',
      'namespace "default" { policy = "read" }',
    );
    const weak = NomadDriver.fromConfig(
      new ConfigReader({
        dbaas: {
          drivers: {
            nomad: {
              address: kit.agent.address,
              token,
              regions: [{ name: REGION, datacenters: ['dc1'] }],
              engines: [
                {
                  engine: 'redis',
                  version: '7.0.15',
                  command: '/usr/bin/redis-server',
                },
              ],
            },
          },
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    const error = await weak.provision(spec('denied'), context()).catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(isFinalDriverError(error)).toBe(true);
    expect(error.message).toBe(
      'Nomad PUT /v1/var/nomad/jobs/jm-denied/node-0: 403 Permission denied',
    );
  });

  it('deprovisions the job and its variables', async () => {
    await driver.deprovision('solo', context());
    await eventually(
      'solo to be absent',
      async () => (await driver.observe('solo')).phase === 'absent',
    );
    expect(
      await nomad.readVariable('nomad/jobs/jm-solo/node-0'),
    ).toBeUndefined();
    expect(await driver.list()).not.toContain('solo');
  });
});
