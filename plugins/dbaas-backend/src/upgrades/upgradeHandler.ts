import { OperationHandler, StepContext } from '../operations/types';
import { rollBack } from './rollback';
import { rollBackRolling } from './rollingRollback';
import { verifyRolling } from './rollingVerify';
import {
  finalize,
  preflight,
  snapshot,
  switchBinary,
  verify,
  waitReady,
} from './upgradeSteps';
import {
  label,
  readUpgradeParams,
  UPGRADE_STEPS,
  UpgradeParams,
} from './upgradeParams';

const STEPS: Record<
  string,
  (ctx: StepContext, params: UpgradeParams) => Promise<void>
> = {
  preflight,
  snapshot,
  switch: switchBinary,
  'wait-ready': waitReady,
  verify: (ctx, params) =>
    params.strategy === 'rolling'
      ? verifyRolling(ctx, params)
      : verify(ctx, params),
  finalize,
};

/**
 * Upgrades or downgrades an instance's engine: snapshot first, then the
 * strategy, then verification; any failure rolls back to the snapshot on
 * the old binary. See src/upgrades.
 */
export const upgradeInstanceHandler: OperationHandler = {
  type: 'upgrade',
  steps: UPGRADE_STEPS,

  async runStep(step, ctx) {
    const run = STEPS[step];
    if (!run) throw new Error(`Unknown upgrade step ${step}`);
    await run(ctx, readUpgradeParams(ctx.operation.params));
  },

  async onFailure(ctx, error) {
    const instance = ctx.instance;
    if (!instance) return;
    const params = readUpgradeParams(ctx.operation.params);
    let outcome: string;
    try {
      outcome =
        params.strategy === 'rolling'
          ? await rollBackRolling(ctx, params)
          : await rollBack(ctx, params);
      await ctx.deps.instances.setStatus(instance.id, 'running');
      await ctx.log(`Rollback: ${outcome}`);
    } catch (rollbackError) {
      outcome = `the rollback failed too (${
        (rollbackError as Error).message
      }); snapshot ${ctx.operation.id} is kept`;
      await ctx.deps.instances.setStatus(instance.id, 'failed');
      await ctx.log(
        `Rollback failed: ${(rollbackError as Error).message}`,
        'error',
      );
    }
    // The worker records this message as the operation's error, so the
    // operation itself says whether the instance was put back.
    error.message = `${error.message}; ${outcome}`;
    await ctx.deps.events.add({
      instanceId: instance.id,
      type: 'upgrade-failed',
      actor: ctx.operation.createdBy,
      message: `Moving ${instance.name} from ${label(params.from)} to ${label(
        params.to,
      )} failed: ${error.message}`,
    });
  },
};
