/**
 * Where a node serves: the address clients inside the platform, the other
 * nodes and the Sentinels use, which is also how Redis and Sentinel name it
 * in their replies. The backend may not be able to dial it directly; it
 * reaches nodes through the driver's connector (see connector.ts).
 * @public
 */
export interface NodeEndpoint {
  host: string;
  port: number;
  /** Whether `port` speaks TLS (and TLS only). */
  tls: boolean;
  /** With TLS `preferred`: the TLS port beside the plain `port`. */
  tlsPort?: number;
}

/** @public */
export type ObservedPhase =
  /** The platform has nothing for this instance. */
  | 'absent'
  /** Resources exist but are not serving yet (scheduling, starting, loading). */
  | 'starting'
  | 'running'
  /** Resources exist, nothing serves, and the platform is not fixing it. */
  | 'stopped'
  | 'failed';

/** @public */
export type NodeRole = 'primary' | 'replica' | 'sentinel';

/**
 * One Redis process, pod, allocation or VM service. The control plane tells
 * nodes apart by `id` only: several nodes may share a port (every pod
 * listens on 6379) or a host.
 * @public
 */
export interface ObservedNode {
  /**
   * Stable for the life of the node: the same across restarts, failovers,
   * upgrades and moves to another address. Opaque to the control plane.
   */
  id: string;
  /** A short name for people, such as `node-1` or `sentinel-0`. */
  name: string;
  role: NodeRole;
  /**
   * Data nodes only: 0 for the node created with the instance, then 1, 2,
   * ... in the order replicas were added. A spec with `n` replicas keeps
   * the data nodes numbered 0 to n and removes the others, the way a
   * StatefulSet scales down; before that the control plane moves the
   * primary role onto a node that stays. Without it the control plane
   * cannot remove replicas from the instance.
   */
  ordinal?: number;
  phase: ObservedPhase;
  /** Absent until the platform has placed the node. */
  endpoint?: NodeEndpoint;
  /** The engine version the node reports, when the driver can tell. */
  version?: string;
  message?: string;
}

/**
 * What actually runs, as the platform reports it: every node, the primary
 * first, then the replicas, then the Sentinels.
 * @public
 */
export interface ObservedInstance {
  instanceId: string;
  /** The primary's phase: whether the instance serves. */
  phase: ObservedPhase;
  nodes: ObservedNode[];
  message?: string;
}
