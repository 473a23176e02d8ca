import Redis from 'ioredis';
import { ALICE, validCreateBody } from '../__testUtils__/startDbaasTestBackend';
import { METRICS_COLLECT_TASK } from '../metrics/startMetrics';
import { startActionsTestBackend } from './__testUtils__/startActionsTestBackend';

jest.setTimeout(90_000);

type Backend = Awaited<ReturnType<typeof startActionsTestBackend>>;

describe('dbaas actions, as the owner', () => {
  let backend: Backend;

  beforeAll(async () => {
    backend = await startActionsTestBackend({ start: 19200, end: 19209 });
  });
  afterAll(() => backend?.stop());

  /** Invokes as alice (team-a) and expects success; returns the output. */
  async function run(name: string, input: object) {
    const res = await backend.invoke(ALICE, name, input);
    expect({ status: res.status, error: res.body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    return res.body.output;
  }

  async function finished(operationId: string) {
    for (;;) {
      const operation = await run('get-operation', {
        operationId,
        waitSeconds: 10,
      });
      if (operation.status === 'succeeded' || operation.status === 'failed') {
        return operation;
      }
    }
  }

  it('offers every operation with truthful attributes', async () => {
    const res = await backend.api
      .get('/api/dbaas/.backstage/actions/v1/actions')
      .set(backend.as(ALICE));
    expect(res.status).toBe(200);
    const offered = Object.fromEntries(
      res.body.actions.map((a: any) => [
        a.id,
        [a.attributes.readOnly, a.attributes.destructive],
      ]),
    );
    // [readOnly, destructive]
    expect(offered).toEqual({
      'dbaas:list-instances': [true, false],
      'dbaas:get-instance': [true, false],
      'dbaas:get-connection-details': [true, false],
      'dbaas:get-operation': [true, false],
      'dbaas:create-instance': [false, false],
      'dbaas:resize-instance': [false, true],
      'dbaas:set-replicas': [false, true],
      'dbaas:get-upgrade-plan': [true, false],
      'dbaas:preview-upgrade': [true, false],
      'dbaas:upgrade-instance': [false, true],
      'dbaas:set-upgrade-policy': [false, false],
      'dbaas:delete-instance': [false, true],
    });
    // Agents read the fields' descriptions from the JSON schema.
    const create = res.body.actions.find(
      (a: any) => a.id === 'dbaas:create-instance',
    );
    expect(create.schema.input.properties.owner.description).toMatch(
      /group:default\/team-a/,
    );
  });

  it('creates an instance, finds it by name, connects with the details it returns and deletes it', async () => {
    const created = await run('create-instance', {
      ...validCreateBody({ name: 'agents-cache' }),
      idempotencyKey: 'agent-run-1',
    });
    expect(created.instance).toMatchObject({
      name: 'agents-cache',
      status: 'provisioning',
      owner: 'group:default/team-a',
    });
    expect(backend.audited('instance-create')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        fromRequest: false,
        meta: expect.objectContaining({
          name: 'agents-cache',
          actor: ALICE,
          via: 'action',
          instanceId: created.instance.id,
          operationId: created.operation.id,
        }),
      }),
    ]);
    expect((await finished(created.operation.id)).status).toBe('succeeded');

    // A retry with the same key is the first request, not a second instance.
    const retried = await run('create-instance', {
      ...validCreateBody({ name: 'agents-cache' }),
      idempotencyKey: 'agent-run-1',
    });
    expect(retried.operation.id).toBe(created.operation.id);

    await backend.triggerTask(METRICS_COLLECT_TASK);
    const got = await run('get-instance', { instance: 'agents-cache' });
    expect(got.instance).toMatchObject({
      id: created.instance.id,
      status: 'running',
    });
    expect(got.metrics.values.memory_max_bytes).toBe(64 * 1024 * 1024);

    const listed = await run('list-instances', { owner: 'team-a' });
    expect(listed.items.map((i: any) => i.name)).toEqual(['agents-cache']);
    expect(await run('list-instances', { owner: 'team-b' })).toEqual({
      items: [],
    });

    const details = await run('get-connection-details', {
      instance: created.instance.id,
    });
    const client = new Redis({
      host: details.host,
      port: details.port,
      username: details.username,
      password: details.password,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    try {
      await client.connect();
      await client.set('written-by', 'an agent');
      expect(await client.get('written-by')).toBe('an agent');
    } finally {
      client.disconnect();
    }
    // The REST route answers the same details, and both reads are audited
    // as the same event; neither audit record holds the password.
    const rest = await backend.api
      .get(`/api/dbaas/instances/${created.instance.id}/connection`)
      .set(backend.as(ALICE));
    expect(rest.body).toEqual(details);
    const reads = backend.audited('instance-credentials-read');
    expect(reads).toEqual([
      expect.objectContaining({
        severityLevel: 'high',
        outcome: 'success',
        fromRequest: false,
        meta: expect.objectContaining({
          instanceId: created.instance.id,
          actor: ALICE,
        }),
      }),
      expect.objectContaining({
        severityLevel: 'high',
        outcome: 'success',
        fromRequest: true,
        meta: { instanceId: created.instance.id },
      }),
    ]);
    expect(
      JSON.stringify(backend.audited('instance-credentials-read')),
    ).not.toContain(details.password);

    const deleted = await run('delete-instance', { instance: 'agents-cache' });
    expect(deleted.instance.status).toBe('deleting');
    expect((await finished(deleted.operation.id)).status).toBe('succeeded');
    const gone = await backend.invoke(ALICE, 'get-instance', {
      instance: 'agents-cache',
    });
    expect(gone.status).toBe(404);
    expect(backend.instanceFolders()).toEqual([]);
  });

  it('resizes, plans upgrades and sets an upgrade policy from a phrase', async () => {
    const id = await backend.createInstance({ name: 'agents-sized' });

    const resized = await run('resize-instance', {
      instance: 'agents-sized',
      memoryMb: 96,
    });
    expect((await finished(resized.operation.id)).status).toBe('succeeded');
    const got = await run('get-instance', { instance: id });
    expect(got.instance.resources).toEqual({
      memoryMb: 96,
      cpu: 0.5,
      diskGb: 1,
    });

    const grown = await run('set-replicas', {
      instance: 'agents-sized',
      replicas: 1,
    });
    expect((await finished(grown.operation.id)).status).toBe('succeeded');
    expect(
      (await run('get-instance', { instance: id })).instance,
    ).toMatchObject({ replicas: 1, status: 'running' });

    const plan = await run('get-upgrade-plan', { instance: 'agents-sized' });
    // The version the platform runs, which may carry a distribution build.
    expect(plan.current.version).toMatch(/^7\.0\.15/);
    expect(plan.candidates).toEqual(expect.any(Array));

    const policy = await run('set-upgrade-policy', {
      instance: 'agents-sized',
      window: 'Sundays 02:00-03:00 Europe/Berlin',
    });
    expect(policy).toMatchObject({
      mode: 'auto-patch',
      windows: [{ phrase: 'Sun 02:00-03:00 Europe/Berlin' }],
    });
    expect(policy.nextOpenings.length).toBeGreaterThan(0);
    // What the REST API shows afterwards, as the frontend would read it.
    const rest = await backend.api
      .get(`/api/dbaas/instances/${id}/upgrade-policy`)
      .set(backend.as(ALICE));
    expect(rest.body.windows[0].phrase).toBe('Sun 02:00-03:00 Europe/Berlin');
    expect(backend.audited('instance-upgrade-policy-update')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        meta: expect.objectContaining({ instanceId: id, mode: 'auto-patch' }),
      }),
    ]);
  });
});
