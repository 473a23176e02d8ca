import {
  Engine,
  InstanceResources,
  MaxmemoryPolicy,
  Persistence,
} from '@justmanage/plugin-dbaas-common';
import type { DriverSecret } from './secrets';

/**
 * A Redis ACL user the driver must create on every data node. The
 * passwords come as hashes only, which is all an ACL file needs.
 * @public
 */
export interface DriverAclUser {
  username: string;
  /** SHA-256 in hex of each password the user accepts (see aclPasswordHash). */
  passwordHashes: string[];
  /** ACL rules after the passwords, e.g. `~* &* +@all -@admin`. */
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
   * reports them as `sentinel` nodes; the control plane follows failovers
   * through {@link Driver.observe}.
   */
  replicas: number;
  /** Every user of the instance; the control plane's own comes first. */
  users: DriverAclUser[];
  /**
   * The control plane's own user (also `users[0]`): replicas and Sentinels
   * log in to the other nodes as it, which is the one place a platform
   * needs a plain password.
   */
  admin: { username: string; password: DriverSecret };
}
