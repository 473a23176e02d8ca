import { OperationHandler } from '../types';
import { waitUntilGone } from '../waitUntilReady';

/** Removes processes and data first, the row last, so nothing is orphaned. */
export const deleteInstanceHandler: OperationHandler = {
  type: 'delete',
  steps: ['deprovision', 'wait-gone', 'finalize'],

  async runStep(step, ctx) {
    const instanceId = ctx.operation.instanceId;
    switch (step) {
      case 'deprovision':
        await ctx.driver.deprovision(instanceId, ctx.driverContext);
        await ctx.log('Asked the platform to remove processes and data');
        return;
      case 'wait-gone':
        await waitUntilGone(ctx);
        await ctx.log('Platform reports nothing left');
        return;
      case 'finalize':
        await ctx.deps.db.transaction(async tx => {
          await ctx.deps.credentials.deleteAll(instanceId, tx);
          // What features keep of the instance (key scans, ...) goes too.
          await ctx.deps.registry.cleanUpInstance(tx, instanceId);
          await ctx.deps.instances.delete(instanceId, tx);
          await ctx.deps.events.add(
            {
              instanceId,
              type: 'deleted',
              actor: ctx.operation.createdBy,
              message: `Instance ${String(
                ctx.operation.params.name ?? instanceId,
              )} was deleted`,
            },
            tx,
          );
        });
        return;
      default:
        throw new Error(`Unknown delete step ${step}`);
    }
  },

  async onFailure(ctx, error) {
    if (ctx.instance) {
      await ctx.deps.instances.setStatus(ctx.instance.id, 'failed');
      await ctx.deps.events.add({
        instanceId: ctx.instance.id,
        type: 'delete-failed',
        actor: ctx.operation.createdBy,
        message: `Deleting ${ctx.instance.name} failed: ${error.message}; delete again to retry`,
      });
    }
  },
};
