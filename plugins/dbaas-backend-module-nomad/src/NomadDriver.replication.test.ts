import { mockServices } from '@backstage/backend-test-utils';
import {
  aclPasswordHash,
  DriverContext,
  DriverInstanceSpec,
  isFinalDriverError,
  ObservedInstance,
  ObservedNode,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { NomadClient } from './client';
import { NomadDriver } from './NomadDriver';
import { eventually, startAgent } from './__testUtils__/agentKit';
import { makeDriver, REGION } from './__testUtils__/driverKit';

jest.setTimeout(120_000);

const ADMIN = { username: 'jm-admin', password: 'admin-secret-Hq4' };
const APP = { username: 'app', password: 'app-secret-Wd8' };

function spec(overrides: Partial<DriverInstanceSpec> = {}): DriverInstanceSpec {
  return {
    instanceId: 'duo',
    name: 'duo',
    engine: 'redis',
    version: '7.0.15',
    region: REGION,
    resources: { memoryMb: 32, cpu: 0.5, diskGb: 1 },
    persistence: 'rdb',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 1,
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

async function asAdmin<T>(
  node: ObservedNode,
  fn: (r: Redis) => Promise<T>,
): Promise<T> {
  const redis = new Redis({
    host: node.endpoint!.host,
    port: node.endpoint!.port,
    username: ADMIN.username,
    password: ADMIN.password,
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

const byRole = (o: ObservedInstance, role: ObservedNode['role']) =>
  o.nodes.filter(n => n.role === role);

/**
 * A primary, one replica and three Sentinels on the test agent: what the
 * driver keeps in Nomad for them, and how it follows a failover that
 * Sentinel, not the driver, carried out.
 */
describe('NomadDriver with replicas on the test agent', () => {
  let kit: Awaited<ReturnType<typeof startAgent>>;
  let driver: NomadDriver;
  let nomad: NomadClient;
  const ctx = context();

  const variable = async (group: string) =>
    (await nomad.readVariable(`nomad/jobs/jm-duo/${group}`))!.value.Items;

  async function serving(): Promise<ObservedInstance> {
    return eventually(
      'duo to serve',
      async () => {
        const o = await driver.observe('duo');
        return (
          o.phase === 'running' &&
          o.nodes.every(n => n.phase === 'running') &&
          o
        );
      },
      60_000,
    );
  }

  beforeAll(async () => {
    kit = await startAgent(
      '127.0.94',
      { min: 19850, max: 19889 },
      { acl: true },
    );
    driver = makeDriver(kit.agent, {
      sentinel: { downAfterMs: 2000, failoverTimeoutMs: 10_000 },
    });
    nomad = NomadClient.create({
      address: kit.agent.address,
      token: kit.agent.managementToken,
    });
  });
  afterAll(async () => {
    await driver.deprovision('duo', ctx);
    await eventually(
      'duo to be gone',
      async () => (await driver.observe('duo')).phase === 'absent',
    );
    await kit.stop();
  });

  it('keeps user passwords as hashes in every variable, and the admin password only where Redis sends it itself', async () => {
    await driver.provision(spec(), ctx);
    const observed = await serving();
    expect(observed.nodes.map(n => [n.name, n.role])).toEqual([
      ['node-0', 'primary'],
      ['node-1', 'replica'],
      ['sentinel-0', 'sentinel'],
      ['sentinel-1', 'sentinel'],
      ['sentinel-2', 'sentinel'],
    ]);
    const primary = observed.nodes[0].endpoint!;

    const replica = await variable('node-1');
    expect(replica.redis_conf).toContain(
      `replicaof ${primary.host} ${primary.port}`,
    );
    expect((await variable('node-0')).redis_conf).not.toContain('replicaof');
    expect(replica.replication_auth).toBe(
      `masteruser ${ADMIN.username}\nmasterauth ${ADMIN.password}\n`,
    );
    const sentinel = (await variable('sentinel-0')).sentinel_conf;
    expect(sentinel).toContain(
      `sentinel monitor duo ${primary.host} ${primary.port} 2`,
    );
    expect(sentinel).toContain(
      `user ${APP.username} on #${aclPasswordHash(APP.password)} `,
    );
    // The admin's password: replication and Sentinel logins only.
    const items = [
      ...Object.values(await variable('node-0')),
      ...Object.values(replica),
      sentinel,
    ].join('\n');
    expect(items).not.toContain(APP.password);
    const adminLines = items
      .split('\n')
      .filter(line => line.includes(ADMIN.password))
      .map(line => line.split(' ').slice(0, 2).join(' '));
    expect(new Set(adminLines)).toEqual(
      new Set([
        'masterauth admin-secret-Hq4',
        'sentinel auth-pass',
        'sentinel sentinel-pass',
      ]),
    );
    const logs = ctx.logger.info.mock.calls.map(c => String(c[0])).join('\n');
    expect(logs).not.toContain(ADMIN.password);

    // Replication works as the admin, and the app user finds the primary
    // through any Sentinel without more than discovery rights.
    await asAdmin(observed.nodes[0], r => r.set('k', 'v'));
    await eventually('the replica to copy k', () =>
      asAdmin(observed.nodes[1], async r => (await r.get('k')) === 'v'),
    );
  });

  it('follows a failover Sentinel carried out, points every data node’s file at the new primary, and refuses to remove it', async () => {
    const before = await serving();
    const [sentinel] = byRole(before, 'sentinel');
    // A Sentinel learns of replicas from the primary's INFO every 10 s.
    await eventually(
      'Sentinel to accept a failover',
      () => asAdmin(sentinel, r => r.call('SENTINEL', 'FAILOVER', 'duo')),
      30_000,
    );
    const after = await eventually(
      'observe to name node-1 the primary',
      async () => {
        const o = await driver.observe('duo');
        return byRole(o, 'primary')[0]?.name === 'node-1' && o;
      },
      30_000,
    );
    expect(byRole(after, 'replica').map(n => n.name)).toEqual(['node-0']);

    const refused = await driver
      .update(spec({ replicas: 0 }), ctx)
      .catch(e => e);
    expect(refused.message).toMatch(
      /replicas: node-1 is the primary and would be removed/,
    );
    expect(isFinalDriverError(refused)).toBe(true);

    await driver.update(spec({ config: { timeout: '60' } }), {
      ...ctx,
      nodeIds: ['duo-node-0'],
    });
    const primary = byRole(after, 'primary')[0].endpoint!;
    expect((await variable('node-0')).redis_conf).toContain(
      `replicaof ${primary.host} ${primary.port}`,
    );
    // The node the update left alone keeps its settings; only where it
    // would restart from moved, so a restart by Nomad finds the primary.
    const untouched = (await variable('node-1')).redis_conf;
    expect(untouched).not.toContain('replicaof');
    expect(untouched).not.toContain('timeout');
    await asAdmin(byRole(after, 'replica')[0], async r =>
      expect(await r.config('GET', 'timeout')).toEqual(['timeout', '60']),
    );
  });
});
