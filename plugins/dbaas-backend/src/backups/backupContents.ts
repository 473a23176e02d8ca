import { createHash } from 'node:crypto';
import {
  BackupKeyspace,
  BackupManifest,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import { DriverAclUser } from '@justmanage/plugin-dbaas-node';
import { DatasetFingerprint } from '../upgrades/fingerprint';

/** The names of a backup's two objects in the store. */
export function objectNames(instanceId: string, backupId: string) {
  return {
    data: `${instanceId}/${backupId}/data.rdb.enc`,
    meta: `${instanceId}/${backupId}/meta.json.enc`,
  };
}

/**
 * The second object of a backup, beside the RDB, encrypted like it: what
 * a restore needs besides the data, and what proves it arrived. The sampled
 * key names are user data, so they live only here.
 */
export interface BackupContents {
  manifest: BackupManifest;
  /** SHA-256 of the plain RDB, checked while it is decrypted. */
  rdbSha256: string;
  sizeBytes: number;
  createdAt: string;
  fingerprint: DatasetFingerprint;
  /** Password hashes only, as drivers get them. */
  users: DriverAclUser[];
  /** What a restore of an instance that is gone takes its settings from. */
  config: Pick<
    Instance,
    'resources' | 'persistence' | 'maxmemoryPolicy' | 'config' | 'replicas'
  > &
    Partial<
      Pick<Instance, 'version' | 'platform' | 'region' | 'tls' | 'allowList'>
    >;
}

/** `INFO keyspace` per database: db0:keys=3,expires=1,... */
export function parseKeyspaceByDb(info: string): BackupKeyspace {
  const result: BackupKeyspace = {};
  for (const match of info.matchAll(/^db(\d+):keys=(\d+),expires=(\d+)/gm)) {
    result[match[1]] = { keys: Number(match[2]), expires: Number(match[3]) };
  }
  return result;
}

/**
 * One digest of what a restore must read again: the key counts of every
 * database and the digest of every sampled value.
 */
export function digestOf(
  keyspace: BackupKeyspace,
  fingerprint: DatasetFingerprint,
): string {
  const hash = createHash('sha256');
  for (const db of Object.keys(keyspace).sort()) {
    const { keys, expires } = keyspace[db];
    // Keys with a TTL may expire before a restore; those without must not.
    hash.update(`db${db}:${keys - expires}\n`);
  }
  for (const key of fingerprint.sample) hash.update(`${key.digest}\n`);
  return hash.digest('hex');
}
