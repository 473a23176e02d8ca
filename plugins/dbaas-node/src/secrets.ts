import { createHash } from 'node:crypto';

/**
 * A password a driver may need in plain text: replicas and Sentinels log
 * in to the other nodes with it, and a driver that changes settings live
 * runs commands with it. Only `reveal` gives the value; `ref` names it for
 * a platform's secret store without holding it.
 * @public
 */
export interface DriverSecret {
  /** Stable and unique per instance, e.g. `jm-admin`; never the value. */
  readonly ref: string;
  reveal(): Promise<string>;
}

/**
 * The SHA-256 of a password in hex, as Redis ACL takes it (`#<hash>`), so
 * that ACL files, Kubernetes Secrets and Nomad Variables never hold the
 * password itself.
 * @public
 */
export function aclPasswordHash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('hex');
}
