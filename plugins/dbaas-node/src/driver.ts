import type { DriverCapabilities } from './capabilities';
import type { DriverConnector } from './connector';
import type { DriverContext } from './context';
import type { ObservedInstance } from './observed';
import type { DriverSnapshots } from './snapshots';
import type { DriverInstanceSpec } from './spec';
import type { DriverInstanceStats } from './stats';

/**
 * A platform that can run Redis. A driver does platform work only (start,
 * stop, replace and report nodes, keep copies of data); what is asked of
 * Redis itself is the control plane's, through {@link Driver.connector}.
 *
 * Every method is idempotent and returns once the platform has accepted
 * the request, not when the work is done: the control plane polls
 * {@link Driver.observe} until the instance converges, so a change that
 * takes minutes (a pod pulling an image, a VM installing a package) does
 * not hold a request or a lease open.
 *
 * Errors: throw {@link PlatformRejectedError} (or Backstage's InputError)
 * for what will fail again, {@link PlatformUnavailableError} for what may
 * work later; other errors are retried too.
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
   * nodes so the control plane can roll a change one node at a time; the
   * other nodes are left exactly as they are.
   *
   * A spec with more `replicas` adds data nodes that replicate from the
   * current primary (and, from 0, the Sentinels); one with fewer removes
   * the data nodes with the highest `ObservedNode.ordinal` (and, to
   * 0, the Sentinels first), while the nodes that stay keep serving. The
   * driver refuses, as final, to remove the node that is the primary: the
   * control plane moves the primary role first.
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

  /**
   * How the backend reaches nodes. Without it the backend dials each
   * node's endpoint directly.
   */
  readonly connector?: DriverConnector;

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
