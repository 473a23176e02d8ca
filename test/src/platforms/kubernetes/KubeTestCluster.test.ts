import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { KubeTestCluster } from './KubeTestCluster';

jest.setTimeout(60_000);

const NS = 'redis-test';
const MANAGER = 'test-suite';
let cluster: KubeTestCluster;
let dataDir: string;

async function api(
  method: string,
  path: string,
  body?: unknown,
  options: { contentType?: string; token?: string } = {},
) {
  const res = await fetch(`${cluster.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token ?? cluster.token}`,
      'content-type': options.contentType ?? 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const apply = (path: string, object: unknown, query = '') =>
  api('PATCH', `${path}?fieldManager=${MANAGER}${query}`, object, {
    contentType: 'application/apply-patch+yaml',
  });

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

const configMap = (maxmemory: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cache-conf', namespace: NS },
  data: {
    'redis.conf': `port 6379\nprotected-mode no\nmaxmemory ${maxmemory}\n`,
  },
});

const statefulSet = (image: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'cache', namespace: NS },
  spec: {
    replicas,
    serviceName: 'cache',
    selector: { matchLabels: { app: 'cache' } },
    updateStrategy: { type: 'OnDelete' },
    persistentVolumeClaimRetentionPolicy: {
      whenDeleted: 'Delete',
      whenScaled: 'Delete',
    },
    template: {
      metadata: { labels: { app: 'cache' } },
      spec: {
        containers: [
          {
            name: 'redis',
            image,
            // From the init container's copy on the claim: init containers run first.
            command: ['redis-server', '/data/redis.conf'],
            args: ['--dir', '/data'],
            env: [
              {
                name: 'POD_IP',
                valueFrom: { fieldRef: { fieldPath: 'status.podIP' } },
              },
            ],
            ports: [{ name: 'redis', containerPort: 6379 }],
            readinessProbe: {
              exec: {
                command: [
                  'sh',
                  '-c',
                  'redis-cli -h "$POD_IP" ping | grep -q PONG',
                ],
              },
            },
            livenessProbe: { tcpSocket: { port: 6379 } },
            volumeMounts: [
              { name: 'conf', mountPath: '/etc/redis' },
              { name: 'data', mountPath: '/data' },
            ],
          },
        ],
        initContainers: [
          {
            name: 'copy-conf',
            image,
            command: ['sh', '-c', 'cp /etc/redis/redis.conf /data/redis.conf'],
            volumeMounts: [
              { name: 'conf', mountPath: '/etc/redis' },
              { name: 'data', mountPath: '/data' },
            ],
          },
        ],
        volumes: [{ name: 'conf', configMap: { name: 'cache-conf' } }],
      },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'data' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
    ],
  },
});

const podPath = (name: string) => `/api/v1/namespaces/${NS}/pods/${name}`;
const STS = `/apis/apps/v1/namespaces/${NS}/statefulsets/cache`;
const CM = `/api/v1/namespaces/${NS}/configmaps/cache-conf`;

const readyPod = (name: string, notUid?: string) =>
  eventually(`${name} to be Ready`, async () => {
    const { status, body } = await api('GET', podPath(name));
    const ready = body.status?.conditions?.find((c: any) => c.type === 'Ready');
    return status === 200 &&
      ready?.status === 'True' &&
      body.metadata.uid !== notUid
      ? body
      : undefined;
  });

async function withRedis<T>(host: string, fn: (r: Redis) => Promise<T>) {
  const redis = new Redis({
    host,
    port: 6379,
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
  dataDir = await mkdtemp(join(tmpdir(), 'jm-kube-cluster-'));
  cluster = await KubeTestCluster.start({
    dataDir,
    port: 19700,
    namespaces: [NS],
    podAddresses: Array.from({ length: 10 }, (_, i) => `127.0.95.${10 + i}`),
    serviceAddresses: ['127.0.95.200', '127.0.95.201'],
    nodeCapacity: { cpu: '4', memory: '2Gi' },
    bookmarkIntervalMs: 200,
    images: {
      'redis:7.0.15': {
        binaries: {
          'redis-server': '/usr/bin/redis-server',
          'redis-cli': '/usr/bin/redis-cli',
        },
        entrypoint: ['redis-server'],
      },
    },
    probePeriodMs: 100,
  });
});

afterAll(async () => {
  await cluster?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the test API server', () => {
  it('serves discovery to a bearer token only, with a 401 Status otherwise', async () => {
    const apps = await api('GET', '/apis/apps/v1');
    expect(apps.body.resources).toContainEqual(
      expect.objectContaining({
        kind: 'StatefulSet',
        name: 'statefulsets',
        namespaced: true,
      }),
    );
    const refused = await api('GET', '/api/v1', undefined, { token: 'wrong' });
    expect(refused).toEqual({
      status: 401,
      body: expect.objectContaining({
        kind: 'Status',
        reason: 'Unauthorized',
        code: 401,
      }),
    });
  });

  it('answers a missing object and a missing namespace with 404 NotFound', async () => {
    const missing = await api('GET', `/api/v1/namespaces/${NS}/secrets/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      message: 'secrets "nope" not found',
      details: { name: 'nope', kind: 'secrets' },
    });
    const noNs = await apply('/api/v1/namespaces/elsewhere/configmaps/x', {
      ...configMap('1mb'),
      metadata: { name: 'x', namespace: 'elsewhere' },
    });
    expect(noNs.body).toMatchObject({
      code: 404,
      message: 'namespaces "elsewhere" not found',
    });
  });

  it('applies server-side: a dry run keeps nothing, a second identical apply changes nothing, another manager conflicts until forced', async () => {
    const dry = await apply(CM, configMap('10mb'), '&dryRun=All');
    expect(dry.status).toBe(201);
    expect((await api('GET', CM)).status).toBe(404);

    const created = await apply(CM, configMap('10mb'));
    expect(created.status).toBe(201);
    expect(created.body.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: MANAGER,
        operation: 'Apply',
        fieldsV1: { 'f:data': { 'f:redis.conf': {} } },
      }),
    ]);
    const again = await apply(CM, configMap('10mb'));
    expect(again.body.metadata.resourceVersion).toBe(
      created.body.metadata.resourceVersion,
    );

    const other = await api(
      'PATCH',
      `${CM}?fieldManager=someone-else`,
      configMap('20mb'),
      { contentType: 'application/apply-patch+yaml' },
    );
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      reason: 'Conflict',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: `conflict with "${MANAGER}"`,
            field: '.data.redis.conf',
          },
        ],
      },
    });
    const forced = await api(
      'PATCH',
      `${CM}?fieldManager=someone-else&force=true`,
      configMap('20mb'),
      { contentType: 'application/apply-patch+yaml' },
    );
    expect(forced.status).toBe(200);
    expect(
      forced.body.metadata.managedFields.map((m: any) => m.manager),
    ).toEqual(['someone-else']);
    // Back to the suite's value, forced, for the pods below.
    await apply(CM, configMap('10mb'), '&force=true');

    const stale = await api('PUT', CM, {
      ...configMap('1mb'),
      metadata: { ...configMap('1mb').metadata, resourceVersion: '1' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/the object has been modified/);
  });

  it('refuses an invalid StatefulSet with 422 Invalid and the causes', async () => {
    const bad = statefulSet('redis:7.0.15');
    bad.spec.selector.matchLabels.app = 'other';
    (bad.spec.template.spec.containers[0] as any).name = 'Not_A_Name';
    const refused = await apply(STS, bad);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ reason: 'Invalid', code: 422 });
    expect(refused.body.details.causes.map((c: any) => c.field)).toEqual([
      'spec.template.metadata.labels',
      'spec.template.spec.containers[0].name',
    ]);
    expect((await api('GET', STS)).status).toBe(404);
  });
});

describe('the StatefulSet controller and the kubelet', () => {
  it('runs each pod as a real redis-server on its own address, with the mounted config, Ready from its probe', async () => {
    expect((await apply(STS, statefulSet('redis:7.0.15', 2))).status).toBe(201);
    const first = await readyPod('cache-0');
    const second = await readyPod('cache-1');
    expect(first.status.podIP).not.toBe(second.status.podIP);
    for (const pod of [first, second]) {
      expect(pod.status.podIP).toMatch(/^127\.0\.95\./);
      const maxmemory = await withRedis(pod.status.podIP, r =>
        r.config('GET', 'maxmemory'),
      );
      expect(maxmemory).toEqual(['maxmemory', String(10 * 1024 * 1024)]);
    }
    const claims = await api(
      'GET',
      `/api/v1/namespaces/${NS}/persistentvolumeclaims`,
    );
    expect(claims.body.items.map((c: any) => c.metadata.name).sort()).toEqual([
      'data-cache-0',
      'data-cache-1',
    ]);
  });

  it('gives a Service a ClusterIP whose port reaches a Ready pod it selects', async () => {
    const pod = await readyPod('cache-0');
    const created = await apply(`/api/v1/namespaces/${NS}/services/cache-0`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'cache-0', namespace: NS },
      spec: {
        selector: { 'statefulset.kubernetes.io/pod-name': 'cache-0' },
        ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }],
      },
    });
    expect(created.body.spec.clusterIP).toBe('127.0.95.200');
    const runId = (host: string) =>
      withRedis(
        host,
        async r => /run_id:(\w+)/.exec(await r.info('server'))?.[1],
      );
    await eventually('the ClusterIP to answer', async () =>
      (await runId('127.0.95.200')) === (await runId(pod.status.podIP))
        ? true
        : undefined,
    );
    await api('DELETE', `/api/v1/namespaces/${NS}/services/cache-0`);
    await expect(withRedis('127.0.95.200', r => r.ping())).rejects.toThrow();
  });

  it('leaves pods alone on a template change (OnDelete) and brings the new template when a pod is deleted', async () => {
    const before = await readyPod('cache-1');
    await withRedis(before.status.podIP, r => r.set('kept', 'on the claim'));
    await withRedis(before.status.podIP, r => r.call('SAVE'));
    const changed = statefulSet('redis:7.0.15', 2);
    changed.spec.template.metadata.labels = {
      app: 'cache',
      tier: 'two',
    } as any;
    await apply(STS, changed);
    await new Promise(r => setTimeout(r, 500));
    const untouched = await api('GET', podPath('cache-1'));
    expect(untouched.body.metadata.uid).toBe(before.metadata.uid);
    expect(untouched.body.metadata.labels.tier).toBeUndefined();

    const deleted = await api('DELETE', podPath('cache-1'));
    expect(deleted.body.metadata.deletionTimestamp).toEqual(expect.any(String));
    const replaced = await readyPod('cache-1', before.metadata.uid);
    expect(replaced.metadata.labels.tier).toBe('two');
    expect(await withRedis(replaced.status.podIP, r => r.get('kept'))).toBe(
      'on the claim',
    );
  });

  it('restarts a container whose process died and counts the restart', async () => {
    const pod = await readyPod('cache-0');
    const [pid] = cluster.kubelet.pids(NS, 'cache-0');
    process.kill(pid, 'SIGKILL');
    const back = await eventually('the restart', async () => {
      const { body } = await api('GET', podPath('cache-0'));
      const status = body.status.containerStatuses[0];
      return status.restartCount === 1 && status.ready ? body : undefined;
    });
    expect(back.metadata.uid).toBe(pod.metadata.uid);
    expect(back.status.containerStatuses[0].lastState.terminated).toMatchObject(
      { exitCode: 137, reason: 'Error' },
    );
  });

  it('leaves a pod whose requests do not fit the node Pending, Unschedulable, with a FailedScheduling event', async () => {
    const big = statefulSet('redis:7.0.15', 1);
    (big.spec.template.spec.containers[0] as any).resources = {
      requests: { cpu: '1', memory: '3Gi' },
      limits: { cpu: '1', memory: '3Gi' },
    };
    await apply(`/apis/apps/v1/namespaces/${NS}/statefulsets/big`, {
      ...big,
      metadata: { name: 'big', namespace: NS },
      spec: {
        ...big.spec,
        selector: { matchLabels: { app: 'big' } },
        template: {
          ...big.spec.template,
          metadata: { labels: { app: 'big' } },
        },
      },
    });
    const pending = await eventually('the scheduler to give up', async () => {
      const { body } = await api('GET', podPath('big-0'));
      return body.status?.conditions?.[0]?.reason === 'Unschedulable'
        ? body
        : undefined;
    });
    expect(pending.status.phase).toBe('Pending');
    expect(pending.status.conditions[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      message: expect.stringMatching(
        /^0\/1 nodes are available: 1 Insufficient memory\./,
      ),
    });
    const events = await api('GET', `/api/v1/namespaces/${NS}/events`);
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        reason: 'FailedScheduling',
        involvedObject: expect.objectContaining({ name: 'big-0' }),
      }),
    );
    expect(cluster.kubelet.pids(NS, 'big-0')).toEqual([]);
    await api('DELETE', `/apis/apps/v1/namespaces/${NS}/statefulsets/big`);
  });

  it('kills a container over its memory limit as OOMKilled and backs off restarting it', async () => {
    const small = statefulSet('redis:7.0.15', 1);
    // redis-server alone is resident in more than 4 MiB.
    (small.spec.template.spec.containers[0] as any).resources = {
      requests: { cpu: '100m', memory: '4Mi' },
      limits: { cpu: '100m', memory: '4Mi' },
    };
    await apply(`/apis/apps/v1/namespaces/${NS}/statefulsets/small`, {
      ...small,
      metadata: { name: 'small', namespace: NS },
      spec: {
        ...small.spec,
        selector: { matchLabels: { app: 'small' } },
        template: {
          ...small.spec.template,
          metadata: { labels: { app: 'small' } },
        },
      },
    });
    const killed = await eventually('the OOM kill', async () => {
      const { body } = await api('GET', podPath('small-0'));
      const status = body.status?.containerStatuses?.[0];
      return status?.lastState?.terminated?.reason === 'OOMKilled'
        ? status
        : undefined;
    });
    expect(killed.lastState.terminated.exitCode).toBe(137);
    expect(killed.restartCount).toBeGreaterThanOrEqual(1);
    await api('DELETE', `/apis/apps/v1/namespaces/${NS}/statefulsets/small`);
    await eventually('small-0 to go', async () =>
      (await api('GET', podPath('small-0'))).status === 404 ? true : undefined,
    );
  });

  it('reports an image it cannot pull as ImagePullBackOff with an event', async () => {
    await apply(`/apis/apps/v1/namespaces/${NS}/statefulsets/nopull`, {
      ...statefulSet('redis:0.0.1', 1),
      metadata: { name: 'nopull', namespace: NS },
      spec: {
        ...statefulSet('redis:0.0.1', 1).spec,
        selector: { matchLabels: { app: 'nopull' } },
        template: {
          ...statefulSet('redis:0.0.1').spec.template,
          metadata: { labels: { app: 'nopull' } },
        },
      },
    });
    const waiting = await eventually('ImagePullBackOff', async () => {
      const { body } = await api('GET', podPath('nopull-0'));
      // The init container is pulled first, so it is the one waiting.
      return body.status?.initContainerStatuses?.[0]?.state?.waiting?.reason ===
        'ImagePullBackOff'
        ? body
        : undefined;
    });
    expect(waiting.status.phase).toBe('Pending');
    const events = await api('GET', `/api/v1/namespaces/${NS}/events`);
    expect(events.body.items.map((e: any) => e.message)).toContainEqual(
      expect.stringContaining('Failed to pull image "redis:0.0.1"'),
    );
    await api('DELETE', `/apis/apps/v1/namespaces/${NS}/statefulsets/nopull`);
  });

  it('deletes the pods, their processes and the claims with the StatefulSet', async () => {
    const pods = await Promise.all(
      ['cache-0', 'cache-1'].map(n => readyPod(n)),
    );
    expect((await api('DELETE', STS)).body).toMatchObject({
      kind: 'Status',
      status: 'Success',
    });
    await eventually('the pods to go', async () => {
      const { body } = await api('GET', `/api/v1/namespaces/${NS}/pods`);
      return body.items.length === 0 ? true : undefined;
    });
    for (const pod of pods) {
      await expect(
        withRedis(pod.status.podIP, r => r.ping()),
      ).rejects.toThrow();
    }
    const claims = await api(
      'GET',
      `/api/v1/namespaces/${NS}/persistentvolumeclaims`,
    );
    expect(claims.body.items).toEqual([]);
    await eventually('the claims folders to go', async () =>
      (await readdir(join(dataDir, 'volumes', NS))).length === 0
        ? true
        : undefined,
    );
  });
});

/** Reads a watch's JSON lines until `done` says enough, or the stream ends. */
async function readWatch(
  path: string,
  done: (events: any[]) => boolean,
): Promise<{ events: any[]; ended: boolean }> {
  const res = await fetch(`${cluster.url}${path}`, {
    headers: { authorization: `Bearer ${cluster.token}` },
  });
  const reader = res.body!.getReader();
  const events: any[] = [];
  let buffer = '';
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) return { events, ended: true };
    buffer += Buffer.from(value).toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    events.push(...lines.filter(Boolean).map(l => JSON.parse(l)));
    if (done(events)) {
      await reader.cancel();
      return { events, ended: false };
    }
  }
}

describe('watches', () => {
  const CMS = `/api/v1/namespaces/${NS}/configmaps`;

  it('streams the changes after a resourceVersion with bookmarks, and ends when dropped', async () => {
    const { body } = await api('GET', CMS);
    const from = body.metadata.resourceVersion;
    const watching = readWatch(
      `${CMS}?watch=true&allowWatchBookmarks=true&resourceVersion=${from}`,
      events =>
        events.some(e => e.type === 'BOOKMARK') &&
        events.some(e => e.type === 'ADDED'),
    );
    await new Promise(r => setTimeout(r, 50));
    await apply(`${CMS}/watched`, {
      ...configMap('1mb'),
      metadata: { name: 'watched', namespace: NS },
    });
    const { events } = await watching;
    expect(events.find(e => e.type === 'ADDED').object.metadata.name).toBe(
      'watched',
    );
    const bookmark = events.find(e => e.type === 'BOOKMARK');
    expect(Number(bookmark.object.metadata.resourceVersion)).toBeGreaterThan(
      Number(from),
    );

    const dropped = readWatch(
      `${CMS}?watch=true&resourceVersion=${from}`,
      () => false,
    );
    await new Promise(r => setTimeout(r, 50));
    expect(cluster.faults.dropWatches()).toBe(1);
    await expect(dropped).rejects.toThrow();
  });

  it('answers a watch from a compacted resourceVersion with a 410 Expired event', async () => {
    const { body } = await api('GET', CMS);
    const old = body.metadata.resourceVersion;
    await apply(`${CMS}/later`, {
      ...configMap('2mb'),
      metadata: { name: 'later', namespace: NS },
    });
    cluster.store.compact(0);
    await apply(`${CMS}/latest`, {
      ...configMap('3mb'),
      metadata: { name: 'latest', namespace: NS },
    });
    const { events, ended } = await readWatch(
      `${CMS}?watch=true&resourceVersion=${old}`,
      () => false,
    );
    expect(ended).toBe(true);
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: expect.stringMatching(/^too old resource version: /),
        }),
      },
    ]);
  });
});
