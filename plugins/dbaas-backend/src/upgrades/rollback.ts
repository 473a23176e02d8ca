import { StepContext } from '../operations/types';
import { compareFingerprints, fingerprintOf } from './fingerprint';
import { label, UpgradeParams } from './upgradeParams';
import {
  findSnapshot,
  fingerprintIn,
  snapshotsOf,
  specFor,
  stepStarted,
  waitUntilServing,
  withPrimary,
} from './upgradeContext';
import { canPauseWritesOnly, resumeWrites } from './writePause';
import { convergeUsersOnNodes } from '../users/convergeUsersOnNodes';
import { requireInstance } from '../operations/requireInstance';

/**
 * Puts the instance back as it was before the upgrade. While the switch
 * has not started, the old server still runs with every write: letting
 * writes through is all it takes. After that, the old binary is started on
 * this operation's snapshot, which holds every write the old server
 * acknowledged because writes were paused when it was taken.
 *
 * @returns what was done, in words for the operation's error and event.
 */
export async function rollBack(
  ctx: StepContext,
  params: UpgradeParams,
): Promise<string> {
  const instanceId = ctx.operation.instanceId;
  const taken = await findSnapshot(ctx, ctx.operation.id).catch(
    () => undefined,
  );
  if (!stepStarted(ctx, 'switch')) {
    if (!stepStarted(ctx, 'snapshot')) {
      return 'nothing was changed';
    }
    const resumed = await withPrimary(ctx, async redis => {
      if (!(await canPauseWritesOnly(redis))) return false;
      await resumeWrites(redis);
      return true;
    }).catch(() => false);
    if (resumed || !taken) {
      // Puts back the save schedule the snapshot step switched off.
      await ctx.driver.update(
        await specFor(ctx, params.from),
        ctx.driverContext,
      );
      return `${label(params.from)} kept running with all its data`;
    }
    // Redis 6.0 cannot lift its pause early; a restart on the snapshot,
    // which is the data it holds, ends it.
  }
  if (!taken) {
    throw new Error(
      `no snapshot ${ctx.operation.id} of instance ${instanceId} to roll back to`,
    );
  }
  const previous = { engine: taken.engine, version: taken.version };
  await snapshotsOf(ctx).restore(
    await specFor(ctx, previous, { hold: true }),
    { snapshotId: taken.id },
    ctx.driverContext,
  );
  await waitUntilServing(ctx);
  const expected = fingerprintIn(taken);
  if (expected) {
    const actual = await withPrimary(ctx, redis =>
      fingerprintOf(redis, expected.sample),
    );
    const problems = compareFingerprints(expected, actual);
    if (problems.length) {
      throw new Error(
        `${label(previous)} runs again on snapshot ${
          taken.id
        }, but ${problems.join('; ')}`,
      );
    }
  }
  // Application users were off while the data was checked.
  await ctx.driver.update(await specFor(ctx, previous), ctx.driverContext);
  await convergeUsersOnNodes(ctx, requireInstance(ctx));
  return `rolled back to ${label(previous)} on snapshot ${taken.id} (${
    expected ? `${expected.keys} keys, sampled values identical` : 'restored'
  }); nothing acknowledged before the upgrade was lost`;
}
