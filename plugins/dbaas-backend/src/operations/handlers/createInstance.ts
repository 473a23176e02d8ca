import { OperationHandler } from '../types';
import { requireInstance } from '../requireInstance';
import { buildDriverSpec } from '../driverSpec';
import { waitUntilReady } from '../waitUntilReady';
import { markRunning } from '../markRunning';

/** Brings a new instance up: the row and credentials already exist. */
export const createInstanceHandler: OperationHandler = {
  type: 'create',
  steps: ['provision', 'wait-ready', 'finalize'],

  async runStep(step, ctx) {
    const instance = requireInstance(ctx);
    switch (step) {
      case 'provision': {
        const spec = await buildDriverSpec(instance, ctx.deps);
        await ctx.driver.provision(spec, ctx.driverContext);
        await ctx.log(`Asked platform ${instance.platform} to provision`);
        return;
      }
      case 'wait-ready':
        await waitUntilReady(ctx);
        await ctx.log('Instance answers PING');
        return;
      case 'finalize':
        await markRunning(ctx, instance, {
          type: 'created',
          message: `Instance ${instance.name} is running`,
        });
        return;
      default:
        throw new Error(`Unknown create step ${step}`);
    }
  },

  // A half-created instance would hold a port and memory nobody can use:
  // take it down and say why, so the owner can delete or recreate it.
  async onFailure(ctx, error) {
    const instanceId = ctx.operation.instanceId;
    try {
      await ctx.driver.deprovision(instanceId, ctx.driverContext);
      await ctx.log('Removed the partly created resources');
    } catch (cleanupError) {
      await ctx.log(
        `Could not remove the partly created resources: ${
          (cleanupError as Error).message
        }`,
        'error',
      );
    }
    if (ctx.instance) {
      await ctx.deps.instances.setStatus(instanceId, 'failed');
      await ctx.deps.events.add({
        instanceId,
        type: 'create-failed',
        actor: ctx.operation.createdBy,
        message: `Creating ${ctx.instance.name} failed: ${error.message}`,
      });
    }
  },
};
