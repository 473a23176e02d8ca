import { mockServices } from '@backstage/backend-test-utils';
import {
  aclPasswordHash,
  DriverInstanceSpec,
  isFinalDriverError,
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

jest.setTimeout(60_000);

const ADMIN_PASSWORD = 'admin-Pa55word-for-the-test';
const APP_PASSWORD = 'app-Pa55word-for-the-test';

let kit: Awaited<ReturnType<typeof startCluster>>;
let driver: KubernetesDriver;

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
    resources: { memoryMb: 64, cpu: 0.5, diskGb: 2 },
    persistence: 'rdb',
    maxmemoryPolicy: 'noeviction',
    config: {},
    replicas: 0,
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
    allowList: { cidrs: ['10.20.0.0/16'], namespaces: ['shop'] },
    ...overrides,
  };
}

const context = (logger = mockServices.logger.mock()) => ({
  logger,
  signal: new AbortController().signal,
});

const objectsOf = (instanceId: string) =>
  kit.cluster.store
    .all()
    .filter(
      o =>
        o.metadata.namespace === NAMESPACE &&
        o.metadata.labels?.['app.kubernetes.io/instance'] === instanceId,
    );

const running = (instanceId: string) =>
  waitFor(
    `${instanceId} to run`,
    async () => {
      const observed = await driver.observe(instanceId);
      return observed.phase === 'running' ? observed : undefined;
    },
    30_000,
  );

async function withApp<T>(
  host: string,
  fn: (r: Redis) => Promise<T>,
): Promise<T> {
  const redis = new Redis({
    host,
    port: 6379,
    username: 'app',
    password: APP_PASSWORD,
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

beforeAll(async () => {
  kit = await startCluster(19702, '127.0.97');
  driver = makeDriver(kit.cluster);
});

afterAll(async () => {
  for (const id of ['shape', 'pull']) await driver?.deprovision(id, context());
  await kit?.stop();
});

describe('KubernetesDriver on the test cluster', () => {
  it('applies the objects of an instance, labelled and owned by its Secret, each after a dry run, as field manager justmanage', async () => {
    const logger = mockServices.logger.mock();
    await driver.provision(spec('shape'), context(logger));
    const observed = await running('shape');
    expect(observed.nodes).toEqual([
      expect.objectContaining({
        id: 'jm-shape-0',
        name: 'node-0',
        role: 'primary',
        ordinal: 0,
        version: '7.0.15',
        endpoint: {
          host: expect.stringMatching(/^127\.0\.97\./),
          port: 6379,
          tls: false,
        },
      }),
    ]);

    const objects = objectsOf('shape');
    const kinds = objects.map(o => `${o.kind}/${o.metadata.name}`).sort();
    expect(kinds).toEqual([
      'ConfigMap/jm-shape',
      'NetworkPolicy/jm-shape',
      'PersistentVolumeClaim/data-jm-shape-0',
      'Pod/jm-shape-0',
      'PodDisruptionBudget/jm-shape',
      'Secret/jm-shape',
      'Service/jm-shape',
      'Service/jm-shape-nodes',
      'StatefulSet/jm-shape',
    ]);
    const secret = objects.find(o => o.kind === 'Secret')!;
    for (const o of objects.filter(
      x => !['Secret', 'Pod', 'PersistentVolumeClaim'].includes(x.kind),
    )) {
      expect(o.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': 'redis',
        'app.kubernetes.io/instance': 'shape',
        'app.kubernetes.io/managed-by': 'justmanage',
        'app.kubernetes.io/component': expect.any(String),
      });
      expect(o.metadata.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'Secret', uid: secret.metadata.uid }),
      ]);
      expect(
        o.metadata.managedFields?.map(m => [m.manager, m.operation]),
      ).toEqual([['justmanage', 'Apply']]);
    }

    const sts = objects.find(o => o.kind === 'StatefulSet') as any;
    const [container] = sts.spec.template.spec.containers;
    expect(sts.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(container.resources.requests).toEqual(container.resources.limits);
    expect(container.resources.limits).toEqual({
      cpu: '500m',
      memory: `${Math.ceil(64 * 1.25) + 32}Mi`,
    });
    expect(container.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(
      sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage,
    ).toBe('2Gi');
    const policy = objects.find(o => o.kind === 'NetworkPolicy') as any;
    expect(policy.spec.ingress[0].from).toEqual([
      { ipBlock: { cidr: '10.20.0.0/16' } },
      {
        namespaceSelector: {
          matchExpressions: [
            {
              key: 'kubernetes.io/metadata.name',
              operator: 'In',
              values: ['shop'],
            },
          ],
        },
      },
      {
        podSelector: {
          matchLabels: expect.objectContaining({
            'app.kubernetes.io/instance': 'shape',
          }),
        },
      },
    ]);

    const patches = kit.cluster.requests.filter(
      r => r.method === 'PATCH' && r.path.includes('jm-shape'),
    );
    expect(patches.length).toBe(14);
    for (const [i, p] of patches.entries()) {
      expect(p.contentType).toBe('application/apply-patch+yaml');
      expect(p.query).toMatchObject({
        fieldManager: 'justmanage',
        force: 'true',
      });
      // Every write follows the dry run of the same object.
      expect(p.query.dryRun).toBe(i % 2 === 0 ? 'All' : undefined);
      expect(patches[i - (i % 2)].path).toBe(p.path);
    }
    expect(logger.info).toHaveBeenCalledWith(
      'Creating StatefulSet redis-eu/jm-shape',
    );
  });

  it('keeps password hashes only: no plain password of any user in any object', async () => {
    const secret = objectsOf('shape').find(o => o.kind === 'Secret') as any;
    const acl = Buffer.from(secret.data['users.acl'], 'base64').toString();
    expect(acl).toContain(`user app on #${aclPasswordHash(APP_PASSWORD)} `);
    expect(acl).toContain('user default off');
    const everything = JSON.stringify(kit.cluster.store.all());
    for (const password of [ADMIN_PASSWORD, APP_PASSWORD]) {
      expect(everything).not.toContain(password);
      expect(everything).not.toContain(
        Buffer.from(password).toString('base64'),
      );
    }
  });

  it('writes nothing when the spec is unchanged, and a change reaches the running pod without replacing it', async () => {
    const before = objectsOf('shape').map(o => o.metadata.resourceVersion);
    const writes = () =>
      kit.cluster.requests.filter(r => r.method === 'PATCH' && !r.query.dryRun)
        .length;
    const written = writes();
    await driver.provision(spec('shape'), context());
    expect(writes()).toBe(written);
    expect(objectsOf('shape').map(o => o.metadata.resourceVersion)).toEqual(
      before,
    );

    const [node] = (await driver.observe('shape')).nodes;
    await withApp(node.endpoint!.host, r => r.set('survives', 'yes'));
    const pod = objectsOf('shape').find(o => o.kind === 'Pod')!;
    const logger = mockServices.logger.mock();
    await driver.update(
      spec('shape', { resources: { memoryMb: 96, cpu: 0.5, diskGb: 2 } }),
      context(logger),
    );
    const messages = logger.info.mock.calls.map(c => String(c[0]));
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Changing ConfigMap redis-eu\/jm-shape: ~ data\.redis\.conf/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Changing StatefulSet redis-eu\/jm-shape: .*spec\.template\.spec\.containers/,
      ),
    );
    expect(messages).toContain('CONFIG SET on node-0: maxmemory');
    const after = objectsOf('shape').find(o => o.kind === 'Pod')!;
    expect(after.metadata.uid).toBe(pod.metadata.uid);
    expect(await withApp(node.endpoint!.host, r => r.get('survives'))).toBe(
      'yes',
    );
  });

  it('surfaces an image the cluster cannot pull as a failed node in Kubernetes words', async () => {
    const pulling = makeDriver(kit.cluster, {
      images: [
        {
          engine: 'redis',
          version: '7.0.15',
          image: 'registry.example/redis:7.0.15-missing',
        },
      ],
    });
    await pulling.provision(spec('pull', { persistence: 'none' }), context());
    const failed = await waitFor('the pull to fail', async () => {
      const observed = await pulling.observe('pull');
      return observed.phase === 'failed' ? observed : undefined;
    });
    expect(failed.message).toBe(
      'node-0: prepare: ImagePullBackOff: Back-off pulling image "registry.example/redis:7.0.15-missing"',
    );
  });

  it('says why a pod that does not fit the cluster is not scheduled', async () => {
    await driver.provision(
      spec('huge', {
        persistence: 'none',
        resources: { memoryMb: 900, cpu: 0.5, diskGb: 1 },
      }),
      context(),
    );
    const waiting = await waitFor('the scheduler to give up', async () => {
      const observed = await driver.observe('huge');
      return observed.message?.includes('Unschedulable') ? observed : undefined;
    });
    expect(waiting.phase).toBe('starting');
    expect(waiting.message).toMatch(
      /^node-0: Unschedulable: 0\/1 nodes are available: 1 Insufficient memory\./,
    );
    await driver.deprovision('huge', context());
  });

  it('answers throttling and a missing namespace with errors worth a retry that quote Kubernetes', async () => {
    const restore = kit.cluster.faults.failRequests({
      status: 429,
      message: 'Too many requests, please try again later.',
      retryAfterSeconds: 5,
    });
    const throttled = await driver
      .provision(spec('later'), context())
      .catch(e => e);
    restore();
    expect(isFinalDriverError(throttled)).toBe(false);
    expect(throttled.message).toBe(
      'Kubernetes answered 429 while reading StatefulSet redis-eu/jm-later: TooManyRequests: Too many requests, please try again later. (retry after 5s)',
    );

    const elsewhere = makeDriver(kit.cluster, {
      regions: [
        {
          name: REGION,
          namespace: 'not-there',
          cluster: {
            url: kit.cluster.url,
            token: kit.cluster.token,
            caData: kit.cluster.caCertificate,
          },
        },
      ],
    });
    const missing = await elsewhere
      .provision(spec('nowhere'), context())
      .catch(e => e);
    expect(isFinalDriverError(missing)).toBe(false);
    expect(missing.message).toContain(
      'NotFound: namespaces "not-there" not found',
    );
    expect(objectsOf('nowhere')).toEqual([]);
  });

  it('refuses a wrong token as final, and a spec it cannot run before touching the cluster', async () => {
    const stranger = makeDriver(kit.cluster, {
      regions: [
        {
          name: REGION,
          namespace: NAMESPACE,
          cluster: {
            url: kit.cluster.url,
            token: 'not-the-token',
            caData: kit.cluster.caCertificate,
          },
        },
      ],
    });
    const refused = await stranger
      .provision(spec('stranger'), context())
      .catch(e => e);
    expect(isFinalDriverError(refused)).toBe(true);
    expect(refused.message).toContain('401');
    const bad = await driver
      .provision(spec('tuned', { config: { dir: '/tmp' } }), context())
      .catch(e => e);
    expect(bad.name).toBe('InputError');
    expect(bad.message).toBe(
      'config.dir: this setting is managed by the kubernetes driver and cannot be set',
    );
    expect(objectsOf('tuned')).toEqual([]);
  });

  it('turns a pod NotReady when its health login fails, without restarting it, and Ready again when the login works', async () => {
    const [node] = (await driver.observe('shape')).nodes;
    const admin = new Redis({
      host: node.endpoint!.host,
      port: 6379,
      username: 'jm-admin',
      password: ADMIN_PASSWORD,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    await admin.connect();
    try {
      const acl = (await admin.call('ACL', 'LIST')) as string[];
      const health = acl.find(line => line.startsWith('user jm-health '))!;
      await admin.call('ACL', 'DELUSER', 'jm-health');
      const notReady = await waitFor('the pod to turn NotReady', async () => {
        const observed = await driver.observe('shape');
        return observed.phase === 'starting' ? observed : undefined;
      });
      expect(notReady.nodes[0]).toMatchObject({
        id: 'jm-shape-0',
        phase: 'starting',
      });
      // Longer than the liveness probe's six failed periods (100 ms each here).
      await new Promise(r => setTimeout(r, 1500));
      await admin.call('ACL', 'SETUSER', ...health.split(' ').slice(1));
      await running('shape');
    } finally {
      admin.disconnect();
    }
    const pod = objectsOf('shape').find(o => o.kind === 'Pod') as any;
    expect(pod.status.containerStatuses[0].restartCount).toBe(0);
  });

  it("reports a lost node as a failed instance in the node controller's words, and still deprovisions", async () => {
    await kit.cluster.loseNode();
    const lost = await waitFor('the loss to show', async () => {
      const observed = await driver.observe('shape');
      return observed.phase === 'failed' ? observed : undefined;
    });
    expect(lost.message).toBe(
      'node-0: NodeLost: Node test-node-1 which was running pod jm-shape-0 is unresponsive',
    );
  });

  it('deletes every object, the pod and its claim on deprovision', async () => {
    await driver.deprovision('shape', context());
    await waitFor(
      'the objects to go',
      async () => (objectsOf('shape').length === 0 ? true : undefined),
      20_000,
    );
    expect((await driver.observe('shape')).phase).toBe('absent');
    expect(await driver.list()).not.toContain('shape');
  });
});
