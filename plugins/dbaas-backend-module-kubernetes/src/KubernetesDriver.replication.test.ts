import { mockServices } from '@backstage/backend-test-utils';
import {
  aclPasswordHash,
  DriverInstanceSpec,
  isFinalDriverError,
  ObservedInstance,
} from '@justmanage/plugin-dbaas-node';
import { waitFor } from '@justmanage/plugin-dbaas-node-test-utils';
import Redis from 'ioredis';
import {
  makeDriver,
  NAMESPACE,
  REGION,
  startCluster,
} from './__testUtils__/clusterKit';
import { KubernetesDriver } from './KubernetesDriver';

jest.setTimeout(90_000);

const ADMIN_PASSWORD = 'admin-Pa55word-replicated';
const APP_PASSWORD = 'app-Pa55word-replicated';
const ID = 'orders';

let kit: Awaited<ReturnType<typeof startCluster>>;
let driver: KubernetesDriver;

const spec = (
  overrides: Partial<DriverInstanceSpec> = {},
): DriverInstanceSpec => ({
  instanceId: ID,
  name: 'orders-cache',
  engine: 'redis',
  version: '7.0.15',
  region: REGION,
  resources: { memoryMb: 64, cpu: 0.5, diskGb: 1 },
  persistence: 'rdb',
  maxmemoryPolicy: 'noeviction',
  config: {},
  replicas: 2,
  users: [
    {
      username: 'jm-admin',
      passwordHashes: [aclPasswordHash(ADMIN_PASSWORD)],
      rules: '~* &* +@all',
    },
    {
      username: 'app',
      passwordHashes: [aclPasswordHash(APP_PASSWORD)],
      rules: '~* &* +@all -@admin',
    },
  ],
  admin: {
    username: 'jm-admin',
    password: { ref: 'jm-admin', reveal: async () => ADMIN_PASSWORD },
  },
  ...overrides,
});

const context = () => ({
  logger: mockServices.logger.mock(),
  signal: new AbortController().signal,
});

async function connect<T>(
  host: string,
  port: number,
  login: [string, string],
  fn: (r: Redis) => Promise<T>,
) {
  const redis = new Redis({
    host,
    port,
    username: login[0],
    password: login[1],
    lazyConnect: true,
    maxRetriesPerRequest: 0,
  });
  try {
    await redis.connect();
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

const everyNodeRunning = () =>
  waitFor(
    'every node to run',
    async () => {
      const observed = await driver.observe(ID);
      return observed.nodes.length === 6 &&
        observed.nodes.every(n => n.phase === 'running')
        ? observed
        : undefined;
    },
    60_000,
  );

const primaryOf = (o: ObservedInstance) =>
  o.nodes.find(n => n.role === 'primary')!;

beforeAll(async () => {
  kit = await startCluster(19703, '127.0.98');
  driver = makeDriver(kit.cluster);
});

afterAll(async () => {
  await driver?.deprovision(ID, context());
  await kit?.stop();
});

describe('a replicated instance on the test cluster', () => {
  it('runs a primary, two replicas and three Sentinels; only the admin password is in the Secret, for replication', async () => {
    await driver.provision(spec(), context());
    const observed = await everyNodeRunning();
    expect(observed.nodes.map(n => [n.name, n.role])).toEqual([
      ['node-0', 'primary'],
      ['node-1', 'replica'],
      ['node-2', 'replica'],
      ['sentinel-0', 'sentinel'],
      ['sentinel-1', 'sentinel'],
      ['sentinel-2', 'sentinel'],
    ]);
    const secret = kit.cluster.store
      .all()
      .find(o => o.kind === 'Secret' && o.metadata.name === `jm-${ID}`) as any;
    const files = Object.fromEntries(
      Object.entries<string>(secret.data).map(([k, v]) => [
        k,
        Buffer.from(v, 'base64').toString(),
      ]),
    );
    expect(files['replication.conf']).toBe(
      `masteruser jm-admin\nmasterauth ${ADMIN_PASSWORD}\n`,
    );
    expect(JSON.stringify(kit.cluster.store.all())).not.toContain(APP_PASSWORD);
  });

  it('follows a Sentinel failover, and a deleted old primary comes back as a replica of the new one with the data', async () => {
    const before = await driver.observe(ID);
    const oldPrimary = primaryOf(before);
    await connect(oldPrimary.endpoint!.host, 6379, ['app', APP_PASSWORD], r =>
      r.set('order:1', 'paid'),
    );
    const sentinel = before.nodes.find(n => n.role === 'sentinel')!;
    // Replicas must have caught up before a failover can pick one.
    await waitFor(
      'the replicas to copy the write',
      async () => {
        const copies = await Promise.all(
          before.nodes
            .filter(n => n.role === 'replica')
            .map(n =>
              connect(n.endpoint!.host, 6379, ['app', APP_PASSWORD], r =>
                r.get('order:1'),
              ),
            ),
        );
        return copies.every(v => v === 'paid') ? true : undefined;
      },
      20_000,
    );
    await connect(
      sentinel.endpoint!.host,
      26379,
      ['jm-admin', ADMIN_PASSWORD],
      // A Sentinel learns the replicas from the primary's INFO, which takes
      // a moment after it starts: until then it has no replica to promote.
      r =>
        waitFor(
          'the Sentinel to accept the failover',
          () =>
            r.call('SENTINEL', 'FAILOVER', 'orders-cache').then(
              () => true,
              (e: Error) => {
                if (/NOGOODREPLICA|INPROG/.test(e.message)) return undefined;
                throw e;
              },
            ),
          30_000,
        ),
    );
    const after = await waitFor(
      'observe to follow the failover',
      async () => {
        const observed = await driver.observe(ID);
        const primary = primaryOf(observed);
        return primary && primary.id !== oldPrimary.id ? observed : undefined;
      },
      30_000,
    );
    const newPrimary = primaryOf(after);
    expect(after.nodes[0]).toBe(newPrimary);
    await connect(newPrimary.endpoint!.host, 6379, ['app', APP_PASSWORD], r =>
      r.set('order:2', 'shipped'),
    );

    // The control plane replaces the old primary's pod once it is a replica.
    const pod = kit.cluster.store
      .all()
      .find(o => o.kind === 'Pod' && o.metadata.name === oldPrimary.id)!;
    kit.cluster.deletePod(NAMESPACE, oldPrimary.id);
    const back = await waitFor(
      'the old primary to come back',
      async () => {
        const observed = await driver.observe(ID);
        const node = observed.nodes.find(n => n.id === oldPrimary.id);
        const replaced = kit.cluster.store
          .all()
          .find(o => o.kind === 'Pod' && o.metadata.name === oldPrimary.id);
        return node?.phase === 'running' &&
          replaced &&
          replaced.metadata.uid !== pod.metadata.uid
          ? node
          : undefined;
      },
      30_000,
    );
    expect(back.role).toBe('replica');
    expect(primaryOf(await driver.observe(ID)).id).toBe(newPrimary.id);
    const copy = await waitFor(
      'the returned node to copy the data',
      () =>
        connect(back.endpoint!.host, 6379, ['app', APP_PASSWORD], async r =>
          (await r.get('order:2')) === 'shipped' ? r.get('order:1') : undefined,
        ),
      20_000,
    );
    expect(copy).toBe('paid');
  });

  it('refuses, as final, to scale down past the node that is now the primary', async () => {
    const primary = primaryOf(await driver.observe(ID));
    expect(primary.ordinal).toBeGreaterThan(0);
    const refused = await driver
      .update(spec({ replicas: primary.ordinal! - 1 }), context())
      .catch(e => e);
    expect(isFinalDriverError(refused)).toBe(true);
    expect(refused.message).toBe(
      `replicas: ${
        primary.name
      } is the primary and would be removed by going to ${
        primary.ordinal! - 1
      } replicas; move the primary to a lower node first`,
    );
    expect(
      (await driver.observe(ID)).nodes.filter(n => n.role !== 'sentinel'),
    ).toHaveLength(3);
  });
});
