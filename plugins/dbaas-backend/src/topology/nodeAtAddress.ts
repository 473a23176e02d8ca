import { NodeEndpoint } from '@justmanage/plugin-dbaas-node';

/** An address as Redis and Sentinel report it: INFO replication, SENTINEL replies. */
export interface ReportedAddress {
  host: string;
  port: number;
}

/**
 * The node Redis or Sentinel means by an address. They name nodes by the
 * address each node announces, which is its endpoint, so the whole address
 * must match: several nodes may share a host, and on most platforms every
 * node shares the port. This is the one place the control plane maps an
 * address to a node; everywhere else nodes are known by id.
 */
export function nodeAtAddress<T extends { endpoint?: NodeEndpoint }>(
  nodes: T[],
  reported: ReportedAddress | undefined,
): T | undefined {
  if (!reported) return undefined;
  const key = addressKey(reported);
  return nodes.find(n => n.endpoint && addressKey(n.endpoint) === key);
}

/** Whether a reported address is that node's. */
export function isAtAddress(
  node: { endpoint?: NodeEndpoint },
  reported: ReportedAddress | undefined,
): boolean {
  return nodeAtAddress([node], reported) !== undefined;
}

function addressKey({ host, port }: ReportedAddress): string {
  // IPv6 addresses come with and without brackets.
  return `${host.replace(/^\[(.*)\]$/, '$1').toLowerCase()} ${Number(port)}`;
}
