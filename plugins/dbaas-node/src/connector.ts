import type { NodeEndpoint } from './observed';

/** The node a connection is for. @public */
export interface NodeTarget {
  instanceId: string;
  nodeId: string;
  endpoint: NodeEndpoint;
}

/**
 * An address the backend can dial to reach one node, held until `close`:
 * the node's own endpoint, or the local end of a tunnel (a Kubernetes
 * port-forward, an SSH forward). `servername` is the name to check the
 * node's TLS certificate against when `host` is not the node's own name.
 * @public
 */
export interface NodeRoute {
  host: string;
  port: number;
  tls: boolean;
  servername?: string;
  /**
   * PEM of the CA the node's certificate is checked against. Connectors
   * leave it out: the backend adds the instance's CA, which it keeps.
   */
  ca?: string;
  /** Ends the route; a connection already open through it may stay open. */
  close(): void;
}

/**
 * How the control plane reaches nodes. Every Redis connection of the
 * backend (admin commands, health checks, metrics, key scans, upgrades)
 * is opened on a route from here, so a backend outside a Kubernetes
 * cluster or a private VM network can manage nodes it cannot route to.
 * A tunnelling connector should share a tunnel between routes to one node.
 * @public
 */
export interface DriverConnector {
  open(target: NodeTarget, signal?: AbortSignal): Promise<NodeRoute>;
}

/**
 * The connector of platforms whose nodes the backend can dial: every route
 * is the node's own endpoint.
 * @public
 */
export const directConnector: DriverConnector = {
  async open({ endpoint }) {
    return { ...endpoint, close: () => {} };
  },
};
