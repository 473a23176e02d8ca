import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Engine,
  InstanceEndpoint,
  InstanceResources,
  MaxmemoryPolicy,
  Persistence,
} from '@justmanage/plugin-dbaas-common';
import type { DriverSnapshots } from './snapshots';
import type { DriverInstanceStats } from './stats';

/** What a driver can run. Shown to users as a platform. @public */
export interface DriverCapabilities {
  title: string;
  regions: string[];
  /** Detected or configured, never assumed: a version listed here must run. */
  engines: Array<{ engine: Engine; versions: string[] }>;
  ha: {
    /** Whether the driver can run replicas next to the primary. */
    replicas: boolean;
    maxReplicas: number;
    /** Whether it can replace nodes one at a time without downtime. */
    rollingChanges: boolean;
  };
  limits: {
    memoryMb: { min: number; max: number };
    cpu: { min: number; max: number };
    diskGb: { min: number; max: number };
  };
}

/** A Redis ACL user the driver must create on every node. @public */
export interface DriverAclUser {
  username: string;
  /** Plain text: drivers hand it to the platform's secret store, never to logs. */
  password: string;
  /** ACL rules after the password, e.g. `~* &* +@all -@admin`. */
  rules: string;
}

/**
 * The desired state of one instance. Drivers converge the platform to it;
 * calling them twice with the same spec must change nothing the second time.
 * @public
 */
export interface DriverInstanceSpec {
  instanceId: string;
  name: string;
  engine: Engine;
  version: string;
  region: string;
  resources: InstanceResources;
  persistence: Persistence;
  maxmemoryPolicy: MaxmemoryPolicy;
  /** Extra tunables already validated against the allow-list. */
  config: Record<string, string>;
  /**
   * 0 for a standalone instance. With replicas the platform also runs
   * Sentinels, which monitor the primary under the instance's `name`, and
   * reports them as `sentinel` endpoints; the control plane follows
   * failovers through {@link Driver.observe}.
   */
  replicas: number;
  /** The control plane's own admin user comes first. */
  users: DriverAclUser[];
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

/** One Redis process, pod, allocation or VM service. @public */
export interface ObservedNode {
  id: string;
  role: 'primary' | 'replica' | 'sentinel';
  phase: ObservedPhase;
  host?: string;
  port?: number;
  /** The engine version the node reports, when the driver can tell. */
  version?: string;
  message?: string;
}

/** What actually runs, as the platform reports it. @public */
export interface ObservedInstance {
  instanceId: string;
  phase: ObservedPhase;
  endpoints: InstanceEndpoint[];
  nodes: ObservedNode[];
  message?: string;
}

/** @public */
export interface DriverContext {
  logger: LoggerService;
  /** Aborted when the operation's lease is lost or the backend stops. */
  signal: AbortSignal;
}

/**
 * A platform that can run Redis. Every method is idempotent and returns once
 * the platform has accepted the request, not when the work is done: the
 * control plane polls {@link Driver.observe} until the instance converges,
 * so a change that takes minutes (a pod pulling an image, a VM installing a
 * package) does not hold a request or a lease open.
 * @public
 */
export interface Driver {
  readonly id: string;

  /** Called once at startup; drivers detect binaries, clusters or hosts here. */
  start?(): Promise<void>;
  /** Called on backend shutdown. Must not stop running instances. */
  stop?(): Promise<void>;

  capabilities(): Promise<DriverCapabilities>;

  /** Create or converge the resources of an instance. */
  provision(spec: DriverInstanceSpec, ctx: DriverContext): Promise<void>;

  /**
   * Apply a changed spec. `nodeIds`, when given, limits the change to those
   * nodes so the control plane can roll a change one node at a time.
   */
  update(
    spec: DriverInstanceSpec,
    ctx: DriverContext & { nodeIds?: string[] },
  ): Promise<void>;

  /** Remove processes and data. An instance that is already gone is success. */
  deprovision(instanceId: string, ctx: DriverContext): Promise<void>;

  observe(instanceId: string): Promise<ObservedInstance>;

  /** Instance ids the platform runs for this control plane, to find orphans. */
  list(): Promise<string[]>;

  /** Keeps and restores copies of instance data; upgrades need it. */
  readonly snapshots?: DriverSnapshots;

  /**
   * CPU, resident memory and disk use of the instance's nodes, for the
   * metrics collector. Called every few seconds for every instance, so it
   * must be cheap (the local driver reads /proc and stats a folder).
   * Platforms without it get the figures Redis reports about itself.
   */
  stats?(instanceId: string): Promise<DriverInstanceStats>;
}
