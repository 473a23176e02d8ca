import { OperationHandler } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { waitUntilReady } from '../operations/waitUntilReady';
import { restorePrevious } from '../operations/restorePrevious';
import { keepPrimaryOnStayingNode } from './keepPrimary';
import { forgetRemovedReplicas } from './forgetRemovedReplicas';
import { markRunning } from '../operations/markRunning';

function countsOf(params: Record<string, unknown>) {
  const previous = params.previous as { replicas: number };
  const changes = params.changes as { replicas: number };
  return { from: previous.replicas, to: changes.replicas };
}

/**
 * Adds or removes replicas while the primary keeps serving. The request
 * already recorded the new count; the primary moves first if its node is
 * one that goes, the platform then adds or removes nodes (Sentinels with
 * the first replica and the last), and the Sentinels forget what went.
 */
export const replicasHandler: OperationHandler = {
  type: 'replicas',
  steps: ['keep-primary', 'apply', 'forget-removed', 'wait-ready', 'finalize'],

  async runStep(step, ctx) {
    const instance = requireInstance(ctx);
    const { from, to } = countsOf(ctx.operation.params);
    switch (step) {
      case 'keep-primary':
        if (to < from) await keepPrimaryOnStayingNode(ctx, instance.name, to);
        return;
      case 'apply': {
        const spec = await buildDriverSpec(instance, ctx.deps);
        await ctx.driver.update(spec, ctx.driverContext);
        await ctx.log(
          to > from
            ? `Asked the platform for ${to - from} more replicas${
                from === 0 ? ' and 3 Sentinels' : ''
              }`
            : `Asked the platform to remove ${from - to} replicas${
                to === 0 ? ' and the Sentinels' : ''
              }`,
        );
        return;
      }
      case 'forget-removed':
        if (to < from && to > 0) {
          await forgetRemovedReplicas(ctx, instance.name, to);
        }
        return;
      case 'wait-ready':
        await waitUntilReady(ctx);
        return;
      case 'finalize':
        await markRunning(ctx, instance, {
          type: 'replicas-changed',
          message: `Instance ${instance.name} runs ${to} replicas (was ${from})`,
        });
        return;
      default:
        throw new Error(`Unknown replicas step ${step}`);
    }
  },

  async onFailure(ctx, error) {
    await restorePrevious(ctx, error, {
      type: 'replicas-failed',
      action: 'Changing the replicas of',
    });
  },
};
