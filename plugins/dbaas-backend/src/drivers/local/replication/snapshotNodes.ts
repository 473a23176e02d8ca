import { InstanceFiles } from '../instanceFiles';
import { SnapshotNode } from '../snapshots';
import { currentPrimary, NodeRuntime, nodeRuntimes } from './topology';

const ORDER: Array<SnapshotNode['role']> = ['primary', 'replica', 'sentinel'];

/** The instance's processes for snapshots: the current primary first, then the replicas, then the Sentinels. */
export async function snapshotNodes(
  instance: InstanceFiles,
  connectHost: string,
): Promise<SnapshotNode[]> {
  const nodes = nodeRuntimes(instance);
  const { primary } = await currentPrimary(connectHost, nodes);
  if (!primary) return [{ role: 'primary', files: instance }];
  const role = (n: NodeRuntime): SnapshotNode['role'] => {
    if (n.runtime.sentinel) return 'sentinel';
    return n.node.name === primary.node.name ? 'primary' : 'replica';
  };
  return nodes
    .map(n => ({ role: role(n), files: n.node.files, runtime: n.runtime }))
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
}
