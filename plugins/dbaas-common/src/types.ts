/** Engines the control plane knows how to run. @public */
export type Engine = 'redis' | 'valkey';

/** @public */
export const ENGINES: readonly Engine[] = ['redis', 'valkey'];

/** @public */
export type Persistence = 'none' | 'rdb' | 'aof';

/** @public */
export const PERSISTENCE_MODES: readonly Persistence[] = ['none', 'rdb', 'aof'];

/** The eviction policies Redis and Valkey accept for `maxmemory-policy`. @public */
export const MAXMEMORY_POLICIES = [
  'noeviction',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
] as const;

/** @public */
export type MaxmemoryPolicy = (typeof MAXMEMORY_POLICIES)[number];

/**
 * Lifecycle of an instance. `running` and `down` are switched by health
 * checks; every other transition is made by an operation.
 * @public
 */
export type InstanceStatus =
  | 'provisioning'
  | 'running'
  | 'updating'
  | 'down'
  | 'deleting'
  | 'failed';

/** @public */
export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'provisioning',
  'running',
  'updating',
  'down',
  'deleting',
  'failed',
];

/** @public */
export interface InstanceResources {
  /** Memory available to the dataset (maxmemory), in MiB. */
  memoryMb: number;
  /** CPU cores, fractional allowed. */
  cpu: number;
  /** Disk for persistence files, in GiB. */
  diskGb: number;
}

/** @public */
export interface InstanceEndpoint {
  /** `primary` is what clients write to. */
  role: 'primary' | 'replica' | 'sentinel';
  host: string;
  port: number;
  tls: boolean;
  /**
   * The platform's id of the node serving here: the control plane reaches
   * and names nodes by it, never by host or port.
   */
  nodeId?: string;
}

/** What the last health check saw. @public */
export interface InstanceHealth {
  up: boolean;
  checkedAt: string;
  /** Why the check failed, when it did. */
  error?: string;
  /** `used_memory` from INFO, when the instance answered. */
  usedMemoryBytes?: number;
  /** `uptime_in_seconds` from INFO, when the instance answered. */
  uptimeSeconds?: number;
}

/** @public */
export interface Instance {
  id: string;
  name: string;
  /** Catalog entity ref of the owning group or user. */
  owner: string;
  description: string;
  system?: string;
  engine: Engine;
  version: string;
  platform: string;
  region: string;
  resources: InstanceResources;
  persistence: Persistence;
  maxmemoryPolicy: MaxmemoryPolicy;
  /** Tunable Redis settings (see TUNABLE_CONFIG). */
  config: Record<string, string>;
  /**
   * Replicas next to the primary; 0 is a standalone instance. With replicas
   * the platform runs Sentinels too, and `endpoints` lists them.
   */
  replicas: number;
  status: InstanceStatus;
  endpoints: InstanceEndpoint[];
  /** Result of the last health check, undefined before the first one. */
  health?: InstanceHealth;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export type OperationType =
  | 'create'
  | 'update'
  | 'delete'
  | 'scan-keys'
  | 'upgrade';

/** @public */
export type OperationStatus = 'pending' | 'running' | 'succeeded' | 'failed';

/** @public */
export type StepStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped';

/** @public */
export interface OperationStep {
  name: string;
  status: StepStatus;
  /** How many times the step was started; above 1 after a retry or a crash. */
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
}

/** @public */
export interface OperationLogEntry {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** @public */
export interface Operation {
  id: string;
  instanceId: string;
  type: OperationType;
  status: OperationStatus;
  /** The requested change, without secrets. */
  params: Record<string, unknown>;
  steps: OperationStep[];
  log: OperationLogEntry[];
  error?: string;
  createdBy: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** How far a long step has got, saved as it runs (e.g. keys scanned). */
  progress?: OperationProgress;
  /** Who asked to cancel it, once someone has; it ends as failed. */
  cancelRequestedBy?: string;
}

/** @public */
export interface OperationProgress {
  done: number;
  /** Absent when the end is not known in advance. */
  total?: number;
  /** What is counted, e.g. `keys`. */
  unit: string;
  updatedAt: string;
}

/** What a platform (driver) can run, as shown to users. @public */
export interface Platform {
  id: string;
  title: string;
  regions: string[];
  engines: Array<{ engine: Engine; versions: string[] }>;
  ha: { replicas: boolean; maxReplicas: number };
  limits: {
    memoryMb: { min: number; max: number };
    cpu: { min: number; max: number };
    diskGb: { min: number; max: number };
  };
}

/** The response of the connection endpoint. @public */
export interface ConnectionDetails {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
  /** A redis:// URL without the password. */
  url: string;
  /**
   * For replicated instances: the Sentinels that know the current primary,
   * and the name they know it by. Clients that ask them follow failovers;
   * `host` and `port` are the primary at the time of the request. The
   * same username and password log in to the Sentinels.
   */
  sentinel?: {
    masterName: string;
    endpoints: Array<{ host: string; port: number }>;
  };
}
