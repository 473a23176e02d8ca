import { Engine } from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { waitUntilReplicated } from '../replication/waitUntilReplicated';
import { failOver, recordNewPrimary } from './rollingFailover';
import {
  adminLogin,
  nodeLabel,
  observeTopology,
  RollingNode,
  RollingTopology,
  runsVersion,
} from './rollingNodes';
import { waitInSync } from './rollingSync';
import { specFor } from './upgradeContext';
import { label, UpgradeParams } from './upgradeParams';
import { endpointsOf } from '../topology/endpointsOf';

/** How long a restarted Sentinel may take to know every node again. */
const HEALTHY_WITHIN_MS = 15_000;

/** Waits until every replica follows the primary and every Sentinel knows them all. */
async function waitUntilWhole(
  ctx: StepContext,
  withinMs: number,
): Promise<void> {
  const instance = requireInstance(ctx);
  const observed = await ctx.driver.observe(instance.id);
  await waitUntilReplicated({
    admin: ctx.deps.admin,
    login: await adminLogin(ctx),
    instance,
    endpoints: endpointsOf(observed),
    deadline: Date.now() + withinMs,
    signal: ctx.driverContext.signal,
  });
}

/** Restarts one node on `target` through the driver and returns how it is reported after. */
async function restartOn(
  ctx: StepContext,
  node: RollingNode,
  target: { engine: Engine; version: string },
): Promise<{ node: RollingNode; topology: RollingTopology }> {
  const spec = await specFor(ctx, target);
  await ctx.driver.update(spec, { ...ctx.driverContext, nodeIds: [node.id] });
  const topology = await observeTopology(ctx);
  const now = [
    topology.primary,
    ...topology.replicas,
    ...topology.sentinels,
  ].find(n => n.id === node.id);
  if (!now)
    throw new Error(`The platform no longer reports ${nodeLabel(node)}`);
  return { node: now, topology };
}

/**
 * Moves a replicated instance to `target` one node at a time: each replica
 * restarts on the target binary and catches up with the primary before the
 * next; then Sentinel fails over to an upgraded replica (writes are held
 * for that moment only); then the old primary restarts as a replica; then
 * the Sentinels, one by one. A node that already runs the target is left
 * alone, so a step retried after a crash carries on where it stopped.
 * Rolling back is the same walk towards the old version.
 */
export async function rollTo(
  ctx: StepContext,
  target: { engine: Engine; version: string },
): Promise<void> {
  const instance = requireInstance(ctx);
  let topology = await observeTopology(ctx);

  for (const replica of topology.replicas) {
    if (runsVersion(replica, target) && replica.phase === 'running') continue;
    const restarted = await restartOn(ctx, replica, target);
    topology = restarted.topology;
    if (!runsVersion(restarted.node, target)) {
      throw new Error(
        `${nodeLabel(restarted.node)} runs ${restarted.node.version}, not ${
          target.version
        }`,
      );
    }
    await waitInSync(ctx, restarted.node, topology.primary);
    await ctx.log(
      `Replica ${nodeLabel(restarted.node)} runs ${label(
        target,
      )} and has caught up with the primary`,
    );
  }

  if (!runsVersion(topology.primary, target)) {
    const old = topology.primary;
    const result = await failOver(ctx, topology, instance.name);
    await ctx.log(
      `Sentinel promoted ${nodeLabel(result.primary)} (${label(
        target,
      )}); writes were held ${result.heldMs} ms on ${nodeLabel(
        old,
      )}, which now copies from it${
        result.stayedOnOldPrimary
          ? `; ${result.stayedOnOldPrimary} clients that do not ask Sentinel reconnected to it`
          : ''
      }`,
    );
    topology = await recordNewPrimary(ctx, result.primary);
    const restarted = await restartOn(ctx, old, target);
    topology = restarted.topology;
    await waitInSync(ctx, restarted.node, topology.primary);
    await ctx.log(
      `The old primary ${nodeLabel(restarted.node)} runs ${label(
        target,
      )} as a replica and has caught up`,
    );
  }

  for (const sentinel of topology.sentinels) {
    const restarted = await restartOn(ctx, sentinel, target);
    await waitUntilWhole(ctx, HEALTHY_WITHIN_MS);
    if (restarted.node.version !== sentinel.version) {
      await ctx.log(
        `Sentinel ${nodeLabel(restarted.node)} runs ${
          restarted.node.version
        } and knows every node again`,
      );
    }
  }
}

/** The `rolling` switch strategy: no downtime for clients that ask Sentinel. */
export async function rollingSwitch(
  ctx: StepContext,
  params: UpgradeParams,
): Promise<void> {
  await rollTo(ctx, params.to);
  await ctx.log(
    `Every node runs ${label(params.to)}; the instance served throughout`,
  );
}
