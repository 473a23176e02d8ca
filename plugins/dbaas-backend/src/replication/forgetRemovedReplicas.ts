import { StepContext } from '../operations/types';
import { readSentinelMaster } from '../redis/replication';
import {
  nodeLabel,
  observeTopology,
  RollingNode,
  sleep,
  withNode,
} from '../upgrades/rollingNodes';

const REDISCOVER_MS = 30_000;

/** What one Sentinel knows of the primary (SENTINEL MASTER). */
async function viewOf(
  ctx: StepContext,
  sentinel: RollingNode,
  masterName: string,
) {
  const known = await withNode(ctx, sentinel, redis =>
    readSentinelMaster(redis, masterName),
  );
  return {
    replicas: Number(known['num-slaves']),
    otherSentinels: Number(known['num-other-sentinels']),
    flags: known.flags ?? '',
  };
}

/**
 * Sentinels never forget a replica by themselves, and would report the
 * removed ones (as down) to clients asking for replicas. SENTINEL RESET
 * makes one forget everything and learn the instance again from the
 * primary and the other Sentinels' hellos, which takes a few seconds; so
 * they are reset one at a time, each waiting until it knows `replicas`
 * replicas and every other Sentinel again, and a quorum is always there.
 * A Sentinel that already knows exactly `replicas` is left alone, which
 * makes the step safe to run again.
 */
export async function forgetRemovedReplicas(
  ctx: StepContext,
  masterName: string,
  replicas: number,
): Promise<void> {
  const { sentinels } = await observeTopology(ctx);
  for (const sentinel of sentinels) {
    if ((await viewOf(ctx, sentinel, masterName)).replicas === replicas) {
      continue;
    }
    await withNode(ctx, sentinel, redis =>
      redis.call('SENTINEL', 'RESET', masterName),
    );
    const deadline = Date.now() + REDISCOVER_MS;
    let view = await viewOf(ctx, sentinel, masterName);
    while (
      view.replicas !== replicas ||
      view.otherSentinels < sentinels.length - 1 ||
      !view.flags.split(',').includes('master')
    ) {
      if (Date.now() > deadline) {
        throw new Error(
          `Sentinel ${nodeLabel(sentinel)} knows ${
            view.replicas
          } replicas and ${view.otherSentinels} other Sentinels ${
            REDISCOVER_MS / 1000
          } s after a reset; expected ${replicas} and ${sentinels.length - 1}`,
        );
      }
      ctx.driverContext.signal.throwIfAborted();
      await sleep(100);
      view = await viewOf(ctx, sentinel, masterName);
    }
    await ctx.log(
      `Sentinel ${nodeLabel(sentinel)} forgot the removed replicas`,
    );
  }
}
