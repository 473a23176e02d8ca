/** A client node of the test agent. Every node runs its tasks on this machine. */
export interface TestClientNodeOptions {
  name: string;
  datacenter?: string;
  /**
   * The address tasks listen on and allocations report, e.g. 127.0.90.1.
   * Nodes on different loopback addresses look like different hosts.
   */
  address?: string;
  /** MHz of CPU the node offers. Default 4000. */
  cpuMHz?: number;
  memoryMB?: number;
  diskMB?: number;
  /** The node's dynamic port range. */
  ports: { min: number; max: number };
  nodeClass?: string;
  meta?: Record<string, string>;
  /** Task drivers the node has. Default raw_exec and exec. */
  drivers?: string[];
}

export interface NomadTestAgentOptions {
  /** Where allocation directories go; tests assert no server is left under it. */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  region?: string;
  nodes: TestClientNodeOptions[];
  /** With ACLs, requests need a token; `managementToken` is the bootstrap token. */
  acl?: boolean;
  /** Namespaces besides `default`. */
  namespaces?: string[];
}
