import { StepContext } from '../operations/types';
import { waitUntilReady } from '../operations/waitUntilReady';
import { rollBack } from './rollback';
import { observeTopology, runsVersion, withNode } from './rollingNodes';
import { rollTo } from './rollingUpgrade';
import { findSnapshot, stepStarted } from './upgradeContext';
import { label, UpgradeParams } from './upgradeParams';

/**
 * Puts a replicated instance back on the old version. While the primary
 * still runs it, or the old version can read what the new one writes, that
 * is the rolling walk backwards: no downtime and no acknowledged write
 * lost. Otherwise the only way back is the snapshot, which loses the
 * writes made since, and the operation says so.
 *
 * @returns what was done, in words for the operation's error and event.
 */
export async function rollBackRolling(
  ctx: StepContext,
  params: UpgradeParams,
): Promise<string> {
  if (!stepStarted(ctx, 'switch')) {
    // The snapshot step lets writes through right after its save; should
    // it have failed in between, they must not stay held.
    await observeTopology(ctx)
      .then(({ primary }) =>
        withNode(ctx, primary, redis => redis.call('CLIENT', 'UNPAUSE')),
      )
      .catch(() => undefined);
    return stepStarted(ctx, 'snapshot')
      ? `${label(params.from)} kept running with all its data`
      : 'nothing was changed';
  }
  const { primary } = await observeTopology(ctx);
  const taken = await findSnapshot(ctx, ctx.operation.id).catch(
    () => undefined,
  );
  const oldReadsNew =
    taken !== undefined &&
    params.targetRdbVersion !== undefined &&
    params.targetRdbVersion <= taken.rdbVersion;
  if (runsVersion(primary, params.from) || oldReadsNew) {
    await rollTo(ctx, params.from);
    await waitUntilReady(ctx);
    return `rolled back node by node to ${label(
      params.from,
    )}; the instance kept serving and no acknowledged write was lost`;
  }
  const outcome = await rollBack(ctx, { ...params, strategy: 'restart' });
  return `${outcome}; ${label(params.from)} cannot read the data ${label(
    params.to,
  )} wrote, so writes made after the snapshot were lost`;
}
