import { readFileSync } from 'node:fs';
import { AddressOf } from '../addressing';
import { writeFileAtomic } from '../fsUtils';
import { findLivePid } from '../instanceProcess';
import { withReplicaOf } from './replicaConf';
import { currentPrimary, NodeRuntime } from './topology';

/** What the supervisor does about a data node of a replicated instance that died. */
export type ReviveDecision = 'start' | 'wait';

/**
 * Decides how a dead data node comes back. Restarted as it was, a dead
 * primary would come back as a primary, possibly with less data than its
 * replicas (or none, without persistence), and they would copy that.
 * So it waits while Sentinel fails over, then returns as a replica of the
 * new primary. It comes back as the primary only when Sentinel still names
 * it after `graceMs`, or no other data node runs that could take over.
 * A replica is pointed at the current primary before it starts.
 */
export async function reviveDecision(options: {
  node: NodeRuntime;
  nodes: NodeRuntime[];
  addressOf: AddressOf;
  deadForMs: number;
  graceMs: number;
}): Promise<ReviveDecision> {
  const { node, nodes, addressOf } = options;
  const { primary } = await currentPrimary(addressOf, nodes);
  const conf = node.node.files.conf;
  if (primary && primary.node.name !== node.node.name) {
    const text = readFileSync(conf, 'utf8');
    const { announce, port } = addressOf(primary.runtime);
    const pointed = withReplicaOf(text, { host: announce, port });
    if (pointed !== text) writeFileAtomic(conf, pointed);
    return 'start';
  }
  const othersRunning = nodes.some(
    other =>
      other.node.kind === 'data' &&
      other.node.name !== node.node.name &&
      findLivePid(other.node.files, other.runtime),
  );
  if (othersRunning && options.deadForMs < options.graceMs) {
    return 'wait';
  }
  return 'start';
}
