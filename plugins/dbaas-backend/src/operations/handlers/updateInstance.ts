import { OperationHandler } from '../types';
import { requireInstance } from '../requireInstance';
import { buildDriverSpec } from '../driverSpec';
import { waitUntilReady } from '../waitUntilReady';
import { restorePrevious } from '../restorePrevious';
import { markRunning } from '../markRunning';

/**
 * The request already wrote the new desired state and kept the previous one
 * in the operation's params, so a failure can put it back.
 */
export const updateInstanceHandler: OperationHandler = {
  type: 'update',
  steps: ['apply', 'wait-ready', 'finalize'],

  async runStep(step, ctx) {
    const instance = requireInstance(ctx);
    switch (step) {
      case 'apply': {
        const spec = await buildDriverSpec(instance, ctx.deps);
        await ctx.driver.update(spec, ctx.driverContext);
        await ctx.log('Applied the new settings');
        return;
      }
      case 'wait-ready':
        await waitUntilReady(ctx);
        return;
      case 'finalize':
        await markRunning(ctx, instance, {
          type: 'updated',
          message: `Instance ${instance.name} was updated`,
        });
        return;
      default:
        throw new Error(`Unknown update step ${step}`);
    }
  },

  async onFailure(ctx, error) {
    await restorePrevious(ctx, error, {
      type: 'update-failed',
      action: 'Updating',
    });
  },
};
