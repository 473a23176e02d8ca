import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../__testUtils__/startDbaasTestBackend';

jest.setTimeout(60_000);

const long = (n: number) => 'a'.repeat(n);

/** [what is wrong, body, the field the error must name] */
const invalidCreates: Array<[string, unknown, string]> = [
  ['name missing', validCreateBody({ name: undefined }), 'name'],
  ['name with capitals', validCreateBody({ name: 'MyCache' }), 'name'],
  ['name with underscore', validCreateBody({ name: 'my_cache' }), 'name'],
  ['name ending in dash', validCreateBody({ name: 'cache-' }), 'name'],
  ['name over 40 chars', validCreateBody({ name: long(41) }), 'name'],
  ['name not a string', validCreateBody({ name: 42 }), 'name'],
  ['owner missing', validCreateBody({ owner: undefined }), 'owner'],
  ['owner not an entity ref', validCreateBody({ owner: 'team a' }), 'owner'],
  [
    'owner of kind component',
    validCreateBody({ owner: 'component:default/x' }),
    'owner',
  ],
  [
    'description too long',
    validCreateBody({ description: long(1001) }),
    'description',
  ],
  ['system not a ref', validCreateBody({ system: 'not a system!' }), 'system'],
  ['unknown engine', validCreateBody({ engine: 'memcached' }), 'engine'],
  ['version not semver', validCreateBody({ version: 'latest' }), 'version'],
  ['version not installed', validCreateBody({ version: '9.9.9' }), 'version'],
  ['unknown platform', validCreateBody({ platform: 'mainframe' }), 'platform'],
  ['unknown region', validCreateBody({ region: 'mars-1' }), 'region'],
  ['resources missing', validCreateBody({ resources: undefined }), 'resources'],
  [
    'memory below 16',
    validCreateBody({ resources: { memoryMb: 8, cpu: 1, diskGb: 1 } }),
    'memoryMb',
  ],
  [
    'memory fractional',
    validCreateBody({ resources: { memoryMb: 64.5, cpu: 1, diskGb: 1 } }),
    'memoryMb',
  ],
  [
    'memory above platform limit',
    validCreateBody({ resources: { memoryMb: 999999, cpu: 1, diskGb: 1 } }),
    'memoryMb',
  ],
  [
    'cpu zero',
    validCreateBody({ resources: { memoryMb: 64, cpu: 0, diskGb: 1 } }),
    'cpu',
  ],
  [
    'disk zero',
    validCreateBody({ resources: { memoryMb: 64, cpu: 1, diskGb: 0 } }),
    'diskGb',
  ],
  [
    'unknown persistence',
    validCreateBody({ persistence: 'always' }),
    'persistence',
  ],
  [
    'unknown eviction policy',
    validCreateBody({ maxmemoryPolicy: 'lru' }),
    'maxmemoryPolicy',
  ],
  [
    'config key not tunable',
    validCreateBody({ config: { port: '1234' } }),
    'port',
  ],
  ['config bad value', validCreateBody({ config: { hz: 'fast' } }), 'hz'],
  ['unknown field', validCreateBody({ shards: 3 }), 'shards'],
  ['replicas above 5', validCreateBody({ replicas: 6 }), 'replicas'],
  ['replicas negative', validCreateBody({ replicas: -1 }), 'replicas'],
  ['replicas fractional', validCreateBody({ replicas: 1.5 }), 'replicas'],
  ['replicas not a number', validCreateBody({ replicas: 'two' }), 'replicas'],
  ['body not an object', ['cache'], 'body'],
];

const invalidUpdates: Array<[string, unknown, string]> = [
  ['empty change', {}, 'must change at least one'],
  ['memory below 16', { resources: { memoryMb: 1 } }, 'memoryMb'],
  [
    'memory above platform limit',
    { resources: { memoryMb: 999999 } },
    'memoryMb',
  ],
  ['cpu negative', { resources: { cpu: -1 } }, 'cpu'],
  ['unknown persistence', { persistence: 'sometimes' }, 'persistence'],
  ['unknown eviction policy', { maxmemoryPolicy: 'random' }, 'maxmemoryPolicy'],
  ['config key not tunable', { config: { dir: '/tmp' } }, 'dir'],
  ['renaming is not an update', { name: 'other' }, 'name'],
  ['description not a string', { description: 7 }, 'description'],
];

describe('request validation', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  let existingId: string;

  beforeAll(async () => {
    backend = await startDbaasTestBackend({
      portRange: { start: 17450, end: 17469 },
    });
    const res = await backend.api
      .post('/api/dbaas/instances')
      .set(backend.as(ALICE))
      .send(validCreateBody({ name: 'existing' }));
    existingId = res.body.instance.id;
    await backend.waitForOperation(res.body.operation.id);
  });

  afterAll(() => backend.stop());

  it.each(invalidCreates)(
    'create: %s is a 400 naming the field',
    async (_what, body, field) => {
      const res = await backend.api
        .post('/api/dbaas/instances')
        .set(backend.as(ALICE))
        .send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(field);
    },
  );

  it.each(invalidUpdates)(
    'update: %s is a 400 naming the field',
    async (_what, body, field) => {
      const res = await backend.api
        .patch(`/api/dbaas/instances/${existingId}`)
        .set(backend.as(ALICE))
        .send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    },
  );

  it('left no row, no operation and no process behind', async () => {
    const list = await backend.api
      .get('/api/dbaas/instances')
      .set(backend.as(ALICE));
    expect(list.body.items.map((i: any) => i.name)).toEqual(['existing']);
    const ops = await backend.api
      .get(`/api/dbaas/instances/${existingId}/operations`)
      .set(backend.as(ALICE));
    expect(ops.body.items.map((o: any) => o.type)).toEqual(['create']);
    const instance = await backend.api
      .get(`/api/dbaas/instances/${existingId}`)
      .set(backend.as(ALICE));
    expect(instance.body).toMatchObject({
      status: 'running',
      resources: { memoryMb: 64 },
    });
    expect(backend.instanceFolders()).toEqual([existingId]);
  });
});
