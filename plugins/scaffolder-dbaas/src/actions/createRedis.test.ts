import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { createDbaasRedisCreateAction } from './createRedis';
import {
  ALICE,
  BOB,
  OperationOutcome,
  fakeDbaasApi,
} from '../__testUtils__/fakeDbaasApi';
import { realDbaasService, taskContext } from '../__testUtils__/actionContext';

const server = setupServer();
registerMswTestHooks(server);

const input = {
  name: 'checkout-cache',
  owner: 'group:default/team-a',
  description: 'Cart sessions',
  engine: 'redis' as const,
  version: '7.0.15',
  platform: 'local',
  region: 'local',
  plan: 'small' as const,
  persistence: 'rdb' as const,
  maxmemoryPolicy: 'noeviction' as const,
};

let fakes: Array<ReturnType<typeof fakeDbaasApi>> = [];
afterEach(() => {
  fakes.forEach(f => f.close());
  fakes = [];
});

function setup(
  options: {
    outcome?: OperationOutcome;
    deniedCreate?: string[];
    operationTimeoutMs?: number;
  } = {},
) {
  const dbaas = fakeDbaasApi(options);
  fakes.push(dbaas);
  server.use(...dbaas.handlers);
  const action = createDbaasRedisCreateAction({
    dbaas: realDbaasService(),
    operationTimeoutMs: options.operationTimeoutMs ?? 10_000,
  });
  const posts = () => dbaas.requests.filter(r => r.method === 'POST');
  return { dbaas, action, posts };
}

describe('dbaas:redis:create', () => {
  it('creates the instance as the user, waits until it runs and outputs where to connect', async () => {
    const { dbaas, action, posts } = setup();
    const { ctx, outputs, logLines } = taskContext(action, {
      input,
      user: ALICE,
    });

    await action.handler(ctx);

    const [instance] = dbaas.instances();
    expect(instance).toMatchObject({
      name: 'checkout-cache',
      owner: 'group:default/team-a',
      status: 'running',
      createdBy: ALICE,
      resources: { memoryMb: 256, cpu: 1, diskGb: 1 },
    });
    expect(outputs()).toEqual({
      instanceId: instance.id,
      entityRef: 'resource:default/checkout-cache',
      host: '127.0.0.1',
      port: instance.endpoints[0].port,
      url: `redis://127.0.0.1:${instance.endpoints[0].port}`,
      redisCli: `redis-cli -h 127.0.0.1 -p ${instance.endpoints[0].port} --user app --askpass`,
    });
    expect(posts()[0].headers['idempotency-key']).toBe(
      'scaffolder:task-1:checkout-cache',
    );
    expect(logLines()).toEqual([
      'Creating redis 7.0.15 instance checkout-cache on local/local',
      'create step provision succeeded',
      `Instance checkout-cache is running at 127.0.0.1:${instance.endpoints[0].port}`,
    ]);
  });

  it('never outputs or logs a password', async () => {
    const { action } = setup();
    const { ctx, outputs, logLines } = taskContext(action, { input });
    await action.handler(ctx);
    const everything = JSON.stringify([outputs(), logLines()]);
    expect(everything).not.toMatch(/password|@127/i);
  });

  it('maps the plan to memory, and uses memoryMb with plan custom', async () => {
    const { dbaas, action } = setup();
    await action.handler(
      taskContext(action, { input: { ...input, plan: 'medium', memoryMb: 64 } })
        .ctx,
    );
    await action.handler(
      taskContext(action, {
        input: { ...input, name: 'custom-one', plan: 'custom', memoryMb: 512 },
      }).ctx,
    );
    expect(
      dbaas
        .instances()
        .map(i => [i.name, i.resources.memoryMb, i.resources.diskGb]),
    ).toEqual([
      ['checkout-cache', 1024, 2],
      ['custom-one', 512, 1],
    ]);
  });

  it('asks for replicas when the form chose a replicated instance, none by default', async () => {
    const { dbaas, action, posts } = setup();
    await action.handler(
      taskContext(action, { input: { ...input, replicas: 2 } }).ctx,
    );
    await action.handler(
      taskContext(action, { input: { ...input, name: 'standalone' } }).ctx,
    );
    expect(
      posts().map(p => (p.body as { replicas?: number }).replicas),
    ).toEqual([2, 0]);
    expect(dbaas.instances().map(i => [i.name, i.replicas])).toEqual([
      ['checkout-cache', 2],
      ['standalone', 0],
    ]);
  });

  it('rejects more replicas than a Sentinel setup takes, naming the field', async () => {
    const { dbaas, action } = setup();
    await expect(
      action.handler(
        taskContext(action, { input: { ...input, replicas: 6 } }).ctx,
      ),
    ).rejects.toThrow('replicas: must be at most 5');
    expect(dbaas.requests).toEqual([]);
  });

  it('makes the user running the task the owner when none is given', async () => {
    const { dbaas, action } = setup();
    const { ctx } = taskContext(action, {
      input: { ...input, owner: '', system: '' },
      user: BOB,
    });
    await action.handler(ctx);
    expect(dbaas.instances()[0]).toMatchObject({ owner: BOB });
    expect(dbaas.instances()[0].system).toBeUndefined();
  });

  it('creates one instance when the task is retried after the instance was accepted', async () => {
    const { dbaas, action, posts } = setup();
    // The default mock checkpoint runs its function every time: as if the
    // backend crashed after the POST but before the checkpoint was saved.
    const first = taskContext(action, { input, taskId: 'task-7' });
    await action.handler(first.ctx);
    const retry = taskContext(action, { input, taskId: 'task-7' });
    await action.handler(retry.ctx);

    expect(posts()).toHaveLength(2);
    expect(dbaas.instances()).toHaveLength(1);
    expect(retry.outputs()).toEqual(first.outputs());
  });

  it('does not call the API again when the checkpoint was saved', async () => {
    const { dbaas, action, posts } = setup();
    const checkpoints = new Map<string, unknown>();
    const first = taskContext(action, { input, taskId: 'task-8', checkpoints });
    await action.handler(first.ctx);
    const retry = taskContext(action, { input, taskId: 'task-8', checkpoints });
    await action.handler(retry.ctx);

    expect(posts()).toHaveLength(1);
    expect([...checkpoints.keys()]).toEqual(['dbaas-create-checkout-cache']);
    expect(dbaas.instances()).toHaveLength(1);
    expect(retry.outputs()).toEqual(first.outputs());
  });

  it('is a different request in another task, which the API refuses as a duplicate name', async () => {
    const { action } = setup();
    await action.handler(taskContext(action, { input, taskId: 'task-1' }).ctx);
    await expect(
      action.handler(taskContext(action, { input, taskId: 'task-2' }).ctx),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        "Creating instance checkout-cache: name: an instance named 'checkout-cache' already exists; caused by ResponseError: Request failed with 409 Conflict",
    });
  });

  it("fails the task with the operation's error when creating fails", async () => {
    const { dbaas, action } = setup({
      outcome: { type: 'fail', error: 'redis-server exited with code 1' },
    });
    const { ctx, logLines } = taskContext(action, { input });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Creating instance checkout-cache failed: redis-server exited with code 1',
    );
    expect(logLines()).toContain(
      'create step provision failed: redis-server exited with code 1',
    );
    expect(ctx.output).not.toHaveBeenCalled();
    expect(dbaas.instances()[0].status).toBe('failed');
  });

  it("passes on the API's refusal when the user may not create instances", async () => {
    const { dbaas, action } = setup({ deniedCreate: [BOB] });
    const { ctx } = taskContext(action, { input, user: BOB });

    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `Creating instance checkout-cache: ${BOB} may not create dbaas instances; caused by ResponseError: Request failed with 403 Forbidden`,
    });
    expect(dbaas.instances()).toEqual([]);
  });

  it('rejects an invalid input before calling anything', async () => {
    const { dbaas, action } = setup();
    const { ctx } = taskContext(action, {
      input: { ...input, name: 'Checkout_Cache', version: 'latest' },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^name: must be 1 to 40 characters: .*; "C" is an upper-case letter; version: must be a version like 7\.0\.15$/,
      ),
    });
    expect(dbaas.requests).toEqual([]);
  });

  it('requires memoryMb with plan custom', async () => {
    const { action } = setup();
    const { ctx } = taskContext(action, {
      input: { ...input, plan: 'custom' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'memoryMb: is required with plan custom',
    );
  });

  describe('dry run', () => {
    it('checks the input, calls nothing and outputs placeholders', async () => {
      const { dbaas, action } = setup();
      const { ctx, outputs, logLines } = taskContext(action, {
        input,
        isDryRun: true,
      });

      await action.handler(ctx);

      expect(dbaas.requests).toEqual([]);
      expect(outputs()).toEqual({
        instanceId: '00000000-0000-0000-0000-000000000000',
        entityRef: 'resource:default/checkout-cache',
        host: 'dry-run.invalid',
        port: 6379,
        url: 'redis://dry-run.invalid:6379',
        redisCli: 'redis-cli -h dry-run.invalid -p 6379 --user app --askpass',
      });
      expect(logLines()).toEqual([
        'Dry run: the input is valid; would create redis 7.0.15 instance checkout-cache on local/local with 256 MiB, owned by group:default/team-a. Nothing was created.',
      ]);
    });

    it('fails on an input the API would refuse', async () => {
      const { dbaas, action } = setup();
      const { ctx } = taskContext(action, {
        input: { ...input, owner: 'team-a' },
        isDryRun: true,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        'owner: must be a catalog entity ref of a group or user',
      );
      expect(dbaas.requests).toEqual([]);
    });
  });

  describe('waiting', () => {
    it('gives up after the configured time, naming the operation that goes on', async () => {
      const { dbaas, action } = setup({
        outcome: { type: 'hang' },
        operationTimeoutMs: 300,
      });
      const { ctx } = taskContext(action, { input });

      const error = await action.handler(ctx).catch(e => e);

      const [operation] = dbaas.operations();
      expect(error.message).toBe(
        `Operation ${operation.id} did not finish within 300 ms; it goes on in the dbaas backend`,
      );
    });

    it('stops waiting as soon as the task is cancelled', async () => {
      const { dbaas, action } = setup({ outcome: { type: 'hang' } });
      const controller = new AbortController();
      const { ctx } = taskContext(action, { input, signal: controller.signal });

      const started = Date.now();
      const run = action.handler(ctx).catch(e => e);
      setTimeout(() => controller.abort(), 100);
      const error = await run;

      const [operation] = dbaas.operations();
      expect(error.message).toBe(
        `The task was cancelled; operation ${operation.id} goes on in the dbaas backend`,
      );
      // The API was holding the request for up to 10 seconds.
      expect(Date.now() - started).toBeLessThan(2_000);
      // The held request itself was aborted, not left open until waitMs.
      expect(dbaas.abandonedWaits()).toBe(1);
    });
  });
});
