import { UpgradeStrategy } from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { label, UpgradeParams } from './upgradeParams';
import { snapshotsOf, specFor } from './upgradeContext';
import { rollingSwitch } from './rollingUpgrade';

/** How the `switch` step moves an instance to the target version. */
export type SwitchStrategy = (
  ctx: StepContext,
  params: UpgradeParams,
) => Promise<void>;

/**
 * Standalone: the driver stops the old server, which writes its data on the
 * way down (its writes were paused at the snapshot, so that data is the
 * snapshot's), and starts the target binary on the same data and port,
 * with application users held off until `finalize`.
 */
const restart: SwitchStrategy = async (ctx, params) => {
  const spec = await specFor(ctx, params.to, { hold: true });
  await ctx.driver.update(spec, ctx.driverContext);
  await ctx.log(
    `Stopped ${label(params.from)} and started ${label(
      params.to,
    )} on the same data and port`,
  );
};

/** A target that cannot read the data starts on an older snapshot instead. */
const snapshotRestore: SwitchStrategy = async (ctx, params) => {
  const restore = params.restore!;
  const spec = await specFor(ctx, params.to, { hold: true });
  await snapshotsOf(ctx).restore(
    spec,
    { snapshotId: restore.id },
    ctx.driverContext,
  );
  await ctx.log(
    `Stopped ${label(params.from)} and started ${label(
      params.to,
    )} on snapshot ${restore.id} taken at ${restore.createdAt} on ${label(
      restore,
    )}`,
  );
};

/** Strategies by name; one missing here is refused at preflight. */
export const switchStrategies: Partial<
  Record<UpgradeStrategy, SwitchStrategy>
> = {
  restart,
  'snapshot-restore': snapshotRestore,
  rolling: rollingSwitch,
};
