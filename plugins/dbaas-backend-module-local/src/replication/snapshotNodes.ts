import { AddressOf } from '../addressing';
import { InstanceFiles } from '../instanceFiles';
import { FIRST_NODE, nodeId } from '../instanceNodes';
import { SnapshotNode } from '../snapshots';
import { currentPrimary, NodeRuntime, nodeRuntimes } from './topology';

const ORDER: Array<SnapshotNode['role']> = ['primary', 'replica', 'sentinel'];

/** The instance's processes for snapshots: the current primary first, then the replicas, then the Sentinels. */
export async function snapshotNodes(
  instance: InstanceFiles,
  addressOf: AddressOf,
): Promise<SnapshotNode[]> {
  const nodes = nodeRuntimes(instance);
  const { primary } = await currentPrimary(addressOf, nodes);
  if (!primary) {
    return [
      {
        id: nodeId(instance.instanceId, FIRST_NODE),
        role: 'primary',
        files: instance,
      },
    ];
  }
  const role = (n: NodeRuntime): SnapshotNode['role'] => {
    if (n.runtime.sentinel) return 'sentinel';
    return n.node.name === primary.node.name ? 'primary' : 'replica';
  };
  return nodes
    .map(n => ({
      id: nodeId(instance.instanceId, n.node.name),
      role: role(n),
      files: n.node.files,
      runtime: n.runtime,
    }))
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
}
