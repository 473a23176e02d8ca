import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { createDbaasRedisCreateAction } from './createRedis';
import { createDbaasRedisDeleteAction } from './deleteRedis';
import {
  ALICE,
  BOB,
  OperationOutcome,
  fakeDbaasApi,
} from '../__testUtils__/fakeDbaasApi';
import { realDbaasService, taskContext } from '../__testUtils__/actionContext';

const server = setupServer();
registerMswTestHooks(server);

let fakes: Array<ReturnType<typeof fakeDbaasApi>> = [];
afterEach(() => {
  fakes.forEach(f => f.close());
  fakes = [];
});

/** A fake API holding one instance of team-a, created by alice. */
async function setup(options: { outcome?: OperationOutcome } = {}) {
  const dbaas = fakeDbaasApi();
  fakes.push(dbaas);
  server.use(...dbaas.handlers);
  const service = realDbaasService();
  const create = createDbaasRedisCreateAction({
    dbaas: service,
    operationTimeoutMs: 10_000,
  });
  await create.handler(
    taskContext(create, {
      input: {
        name: 'checkout-cache',
        owner: 'group:default/team-a',
        engine: 'redis',
        version: '7.0.15',
        platform: 'local',
        region: 'local',
        plan: 'small',
      },
      user: ALICE,
      taskId: 'setup',
    }).ctx,
  );
  const [instance] = dbaas.instances();
  if (options.outcome) {
    dbaas.setOutcome(options.outcome);
  }
  const action = createDbaasRedisDeleteAction({
    dbaas: service,
    operationTimeoutMs: 10_000,
  });
  const deletes = () => dbaas.requests.filter(r => r.method === 'DELETE');
  return { dbaas, action, instance, deletes };
}

describe('dbaas:redis:delete', () => {
  it('deletes an instance by name as the user and waits until it is gone', async () => {
    const { dbaas, action, instance } = await setup();
    const { ctx, outputs, logLines } = taskContext(action, {
      input: { name: 'checkout-cache' },
      user: ALICE,
    });

    await action.handler(ctx);

    expect(dbaas.instances()).toEqual([]);
    const operation = dbaas.operations().find(o => o.type === 'delete')!;
    expect(operation.createdBy).toBe(ALICE);
    expect(outputs()).toEqual({
      instanceId: instance.id,
      operationId: operation.id,
    });
    expect(logLines()).toEqual([
      'Deleting instance checkout-cache',
      'delete step deprovision succeeded',
      'Deleted instance checkout-cache',
    ]);
  });

  it('deletes by id without waiting when asked to', async () => {
    const { dbaas, action, instance } = await setup({
      outcome: { type: 'hang' },
    });
    const { ctx, logLines } = taskContext(action, {
      input: { instanceId: instance.id, wait: false },
    });

    await action.handler(ctx);

    expect(dbaas.instances()).toMatchObject([{ status: 'deleting' }]);
    expect(logLines()[1]).toMatch(
      /^Deletion of instance .* started as operation .*; not waiting for it$/,
    );
  });

  it('asks only once when a retried task has saved its checkpoint', async () => {
    const { action, instance, deletes } = await setup({
      outcome: { type: 'hang' },
    });
    const checkpoints = new Map<string, unknown>();
    const run = () =>
      action.handler(
        taskContext(action, {
          input: { instanceId: instance.id, wait: false },
          checkpoints,
        }).ctx,
      );
    await run();
    await run();
    expect(deletes()).toHaveLength(1);
  });

  it("fails with the operation's error when deleting fails", async () => {
    const { action } = await setup({
      outcome: { type: 'fail', error: 'processes still running' },
    });
    const { ctx } = taskContext(action, { input: { name: 'checkout-cache' } });
    await expect(action.handler(ctx)).rejects.toThrow(
      'Deleting instance checkout-cache failed: processes still running',
    );
  });

  it('fails clearly when the user may not delete the instance', async () => {
    const { dbaas, action } = await setup();
    const { ctx } = taskContext(action, {
      input: { name: 'checkout-cache' },
      user: BOB,
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `Deleting instance checkout-cache: ${BOB} may not delete instance checkout-cache; caused by ResponseError: Request failed with 403 Forbidden`,
    });
    expect(dbaas.instances()).toMatchObject([{ status: 'running' }]);
  });

  it('fails clearly when there is no such instance', async () => {
    const { action } = await setup();
    await expect(
      action.handler(
        taskContext(action, { input: { instanceId: 'no-such-id' } }).ctx,
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'Deleting instance no-such-id: No instance with id no-such-id; caused by ResponseError: Request failed with 404 Not Found',
    });
    await expect(
      action.handler(taskContext(action, { input: { name: 'other' } }).ctx),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No instance named other that you can see',
    });
  });

  it('needs exactly one of instanceId and name', async () => {
    const { action, instance } = await setup();
    for (const input of [
      {},
      { instanceId: instance.id, name: 'checkout-cache' },
    ]) {
      await expect(
        action.handler(taskContext(action, { input }).ctx),
      ).rejects.toThrow(
        'Give either instanceId or name of the instance to delete, not both',
      );
    }
  });

  it('deletes nothing in a dry run', async () => {
    const { dbaas, action, deletes } = await setup();
    const { ctx, outputs, logLines } = taskContext(action, {
      input: { name: 'checkout-cache' },
      isDryRun: true,
    });
    const callsBefore = dbaas.requests.length;

    await action.handler(ctx);

    expect(dbaas.requests).toHaveLength(callsBefore);
    expect(deletes()).toEqual([]);
    expect(dbaas.instances()).toHaveLength(1);
    expect(outputs()).toEqual({
      instanceId: '00000000-0000-0000-0000-000000000000',
      operationId: '00000000-0000-0000-0000-000000000000',
    });
    expect(logLines()).toEqual([
      'Dry run: would delete instance checkout-cache. Nothing was deleted.',
    ]);
  });
});
