/**
 * What the platform measures of one node: the process (or container) as the
 * kernel or orchestrator sees it, which INFO cannot tell. @public
 */
export interface DriverNodeStats {
  /** The node id, as in ObservedNode.id. */
  nodeId: string;
  role: 'data' | 'sentinel';
  /**
   * CPU time (user + system) the process or container has used since it
   * started; a counter that starts again at 0 when the node restarts.
   */
  cpuSeconds?: number;
  /** Resident memory of the process or container. */
  memoryRssBytes?: number;
  /** Bytes in the node's data directory or volume (RDB, AOF). */
  diskUsedBytes?: number;
}

/** Resource use of every running node of an instance. @public */
export interface DriverInstanceStats {
  instanceId: string;
  /** When the figures were read (ISO 8601). */
  measuredAt: string;
  /** Running nodes only; a stopped node has nothing to measure. */
  nodes: DriverNodeStats[];
}
