import { PlatformRejectedError } from '@justmanage/plugin-dbaas-node';
import { StepContext } from '../operations/types';
import { failOver, recordNewPrimary } from '../upgrades/rollingFailover';
import {
  nodeLabel,
  observeTopology,
  RollingNode,
} from '../upgrades/rollingNodes';

/**
 * Before replicas are removed: makes sure the primary is a data node the
 * smaller spec keeps (ordinal 0 to `replicas`), moving the role there the
 * way a rolling upgrade does, with writes held until the new primary has
 * every one the old acknowledged. Does nothing when it already is.
 */
export async function keepPrimaryOnStayingNode(
  ctx: StepContext,
  masterName: string,
  replicas: number,
): Promise<void> {
  const topology = await observeTopology(ctx);
  const data = [topology.primary, ...topology.replicas];
  const unnumbered = data.find(node => node.ordinal === undefined);
  if (unnumbered) {
    throw new PlatformRejectedError(
      `Platform ${ctx.driver.id} does not number its data nodes (${unnumbered.name} has no ordinal), so the control plane cannot tell which of them stay`,
    );
  }
  const stays = (node: RollingNode) => node.ordinal! <= replicas;
  if (stays(topology.primary)) {
    await ctx.log(`The primary ${nodeLabel(topology.primary)} stays`);
    return;
  }
  const staying = topology.replicas
    .filter(stays)
    .sort((a, b) => a.ordinal! - b.ordinal!);
  if (!staying.length) {
    throw new Error(
      `No replica that stays is reported (the platform reports ${data
        .map(nodeLabel)
        .join(', ')})`,
    );
  }
  const [target] = staying;
  const others = topology.replicas.filter(node => node.id !== target.id);
  const result = await failOver(
    ctx,
    { ...topology, replicas: [target, ...others] },
    masterName,
  );
  await recordNewPrimary(ctx, result.primary);
  await ctx.log(
    `Moved the primary from ${nodeLabel(
      topology.primary,
    )}, which is removed, to ${nodeLabel(
      result.primary,
    )}; writes were held for ${result.heldMs} ms`,
  );
}
