import { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';
import { ObservedInstance } from '@justmanage/plugin-dbaas-node';

/**
 * The endpoints to record for an instance: one per placed node, the
 * primary first, each with the id of the node behind it.
 */
export function endpointsOf(observed: ObservedInstance): InstanceEndpoint[] {
  const order = ['primary', 'replica', 'sentinel'];
  return observed.nodes
    .filter(node => node.endpoint)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map(node => ({
      role: node.role,
      host: node.endpoint!.host,
      port: node.endpoint!.port,
      tls: node.endpoint!.tls,
      ...(node.endpoint!.tlsPort !== undefined
        ? { tlsPort: node.endpoint!.tlsPort }
        : {}),
      nodeId: node.id,
    }));
}
