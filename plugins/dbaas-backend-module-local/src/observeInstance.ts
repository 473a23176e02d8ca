import {
  ObservedInstance,
  ObservedNode,
  ObservedPhase,
} from '@justmanage/plugin-dbaas-node';
import { AddressOf } from './addressing';
import { pathExists } from './fsUtils';
import { InstanceFiles } from './instanceFiles';
import { nodeId, ordinalOf } from './instanceNodes';
import { findLivePid } from './instanceProcess';
import { readRuntime } from './instanceState';
import { respPing } from './respPing';
import { nodeTrust } from './nodeTls';
import {
  currentPrimary,
  NodeRuntime,
  nodeRuntimes,
} from './replication/topology';

/** An instance the platform has nothing for. */
export function absentInstance(instanceId: string): ObservedInstance {
  return { instanceId, phase: 'absent', nodes: [] };
}

interface NodeState {
  phase: ObservedPhase;
  message?: string;
}

/** A live, verified process (pidfile and /proc) that answers a raw PING. */
async function observeNode(
  { node, runtime }: NodeRuntime,
  addressOf: AddressOf,
  deleting: boolean,
): Promise<NodeState> {
  if (!findLivePid(node.files, runtime)) {
    return {
      phase: 'stopped',
      message: deleting
        ? 'Server not running; the instance is being deleted'
        : 'Server not running; the supervisor restarts it',
    };
  }
  const { connect, port } = addressOf(runtime);
  const ping = await respPing(
    connect,
    port,
    500,
    nodeTrust(node.files, runtime),
  );
  if (ping === 'serving') return { phase: 'running' };
  return {
    phase: 'starting',
    message:
      ping === 'loading'
        ? 'Server is loading its dataset'
        : 'Server process is up but not answering yet',
  };
}

/**
 * Reports what runs for an instance: every node with its role and state,
 * and the endpoints clients use, the primary first. Which data node is the
 * primary is Sentinel's call once an instance has replicas, so after a
 * failover the report follows it. Kept to a few file reads and short TCP
 * exchanges because the control plane polls it.
 */
export async function observeInstance(
  files: InstanceFiles,
  addressOf: AddressOf,
): Promise<ObservedInstance> {
  const { instanceId } = files;
  if (!readRuntime(files)) {
    return pathExists(files.folder)
      ? {
          instanceId,
          phase: 'starting',
          nodes: [],
          message: 'Provisioning has not chosen a port yet',
        }
      : absentInstance(instanceId);
  }
  const nodes = nodeRuntimes(files);
  const deleting = !pathExists(files.spec);
  const [states, { primary }] = await Promise.all([
    Promise.all(nodes.map(n => observeNode(n, addressOf, deleting))),
    currentPrimary(addressOf, nodes),
  ]);

  const observedNodes: ObservedNode[] = nodes.map(({ node, runtime }, i) => {
    let role: ObservedNode['role'] = 'replica';
    if (runtime.sentinel) role = 'sentinel';
    else if (node === primary?.node) role = 'primary';
    const { announce, port } = addressOf(runtime);
    const ordinal = ordinalOf(node);
    return {
      id: nodeId(instanceId, node.name),
      name: node.name,
      role,
      ...(ordinal !== undefined ? { ordinal } : {}),
      phase: states[i].phase,
      endpoint: {
        host: announce,
        port,
        tls: !!nodeTrust(node.files, runtime),
        ...(runtime.tls === 'preferred' && runtime.tlsPort
          ? { tlsPort: runtime.tlsPort }
          : {}),
      },
      version: runtime.binary.version,
      ...(states[i].message ? { message: states[i].message } : {}),
    };
  });
  const ordered = [
    ...observedNodes.filter(n => n.role === 'primary'),
    ...observedNodes.filter(n => n.role === 'replica'),
    ...observedNodes.filter(n => n.role === 'sentinel'),
  ];
  const primaryNode = ordered.find(n => n.role === 'primary');
  const phase = primaryNode?.phase ?? 'starting';
  return {
    instanceId,
    phase,
    nodes: ordered,
    ...describe(ordered, primaryNode),
  };
}

/** The instance's message: the primary's own, else which other nodes are not serving. */
function describe(
  nodes: ObservedNode[],
  primary: ObservedNode | undefined,
): { message?: string } {
  if (!primary) return { message: 'No data node is recorded yet' };
  if (primary.message) return { message: primary.message };
  const others = nodes.filter(n => n !== primary && n.phase !== 'running');
  if (!others.length) return {};
  return {
    message: `Not serving: ${others
      .map(n => `${n.role} ${n.id} (${n.message ?? n.phase})`)
      .join(', ')}`,
  };
}
