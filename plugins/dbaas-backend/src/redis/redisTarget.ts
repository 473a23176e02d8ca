import { Instance, InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { NodeEndpoint, ObservedNode } from '@justmanage/plugin-dbaas-node';

/**
 * A node the backend talks to: which platform's connector reaches it, and
 * the node's id and in-platform endpoint, which the connector turns into
 * an address the backend can dial.
 */
export interface RedisTarget {
  platform: string;
  instanceId: string;
  /** Absent only on endpoints recorded before nodes had ids. */
  nodeId?: string;
  endpoint: NodeEndpoint;
}

/** The node behind a recorded endpoint of an instance. */
export function targetOf(
  instance: Pick<Instance, 'id' | 'platform'>,
  endpoint: InstanceEndpoint,
): RedisTarget {
  return {
    platform: instance.platform,
    instanceId: instance.id,
    nodeId: endpoint.nodeId,
    endpoint: { host: endpoint.host, port: endpoint.port, tls: endpoint.tls },
  };
}

/** An observed node, which must have been placed (have an endpoint). */
export function targetOfNode(
  instance: Pick<Instance, 'id' | 'platform'>,
  node: ObservedNode,
): RedisTarget {
  if (!node.endpoint) {
    throw new Error(`Node ${node.name} has no endpoint yet (${node.phase})`);
  }
  return {
    platform: instance.platform,
    instanceId: instance.id,
    nodeId: node.id,
    endpoint: node.endpoint,
  };
}
