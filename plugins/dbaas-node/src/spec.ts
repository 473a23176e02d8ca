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
  /** Absent: nodes speak plain TCP. Drivers without `capabilities.tls` refuse it. */
  tls?: DriverTls;
  /**
   * Who may connect besides the control plane. Absent for instances made
   * before allow-lists: the driver listens as it always did. Each driver
   * enforces it with its own mechanism, and says how in
   * `capabilities.allowList`.
   */
  allowList?: DriverAllowList;
}

/**
 * A node's certificate, issued by the instance's CA. The private key is
 * a secret: a driver writes it where only the node can read it (a file
 * of mode 0600, a platform Secret) and never logs it.
 * @public
 */
export interface DriverNodeCertificate {
  /** PEM. */
  certificate: string;
  /** PEM (PKCS#8). */
  privateKey: DriverSecret;
}

/**
 * TLS of an instance. The control plane keeps the CA; the driver asks it
 * for each node's certificate with the names clients, replicas and
 * Sentinels dial the node by.
 * @public
 */
export interface DriverTls {
  /**
   * `required`: nodes speak TLS only, to clients and to each other.
   * `preferred`: a running instance on its way to `required`: each node
   * keeps its plain port and opens a TLS port beside it (reported as
   * `NodeEndpoint.tlsPort`), so clients can move one by one. Going to
   * `required` closes the plain port, and the TLS port becomes the node's
   * port. Both changes must reach running nodes without a restart.
   */
  mode: 'required' | 'preferred';
  /** PEM of the CA that signs every node's certificate; nodes trust it. */
  caCertificate: string;
  /**
   * Raised by the control plane to rotate certificates. A node holding a
   * certificate of an older generation gets a new one, and a data node
   * loads it without a restart (`CONFIG SET tls-cert-file ... tls-key-file
   * ...`), so connected clients stay connected.
   */
  generation: number;
  issue(request: {
    nodeId: string;
    hosts: string[];
  }): Promise<DriverNodeCertificate>;
}

/** Networks (and on Kubernetes namespaces) whose clients may connect. @public */
export interface DriverAllowList {
  /** CIDR networks, already checked: no host bits set, no duplicates. */
  cidrs: string[];
  namespaces?: string[];
}
