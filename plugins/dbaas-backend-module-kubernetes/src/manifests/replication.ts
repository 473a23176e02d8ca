import {
  DriverInstanceSpec,
  SENTINEL_DISCOVERY_RULES,
} from '@justmanage/plugin-dbaas-node';
import { quote } from '../redisConf';
import { SENTINEL_PORT } from '../names';

/** Sentinels that must agree a primary is down before a failover: a majority of three. */
export const SENTINELS = 3;
export const SENTINEL_QUORUM = 2;

/**
 * How a replica logs in to its primary. The admin's plain password is
 * here, in the Secret: the one place the contract lets a platform hold it.
 */
export function renderReplicationConf(
  spec: DriverInstanceSpec,
  adminPassword: string,
): string {
  return `masteruser ${spec.admin.username}\nmasterauth ${quote(
    adminPassword,
  )}\n`;
}

/**
 * sentinel.conf without its first line: each Sentinel's init container
 * puts `sentinel monitor` first (the address is the seed Service's
 * ClusterIP, known only once the Service exists) and its own announce-ip
 * last. Sentinel rewrites the file as it runs, so it lives on the pod's
 * data volume.
 */
export function renderSentinelConf(
  spec: DriverInstanceSpec,
  adminPassword: string,
): string {
  const name = spec.name;
  const [admin, ...others] = spec.users;
  const passwords = (hashes: string[]) => hashes.map(h => `#${h}`).join(' ');
  return [
    `port ${SENTINEL_PORT}`,
    `sentinel auth-user ${quote(name)} ${spec.admin.username}`,
    `sentinel auth-pass ${quote(name)} ${quote(adminPassword)}`,
    `sentinel sentinel-user ${spec.admin.username}`,
    `sentinel sentinel-pass ${quote(adminPassword)}`,
    `sentinel down-after-milliseconds ${quote(name)} 5000`,
    `sentinel failover-timeout ${quote(name)} 60000`,
    `sentinel parallel-syncs ${quote(name)} 1`,
    `user default on nopass ${SENTINEL_DISCOVERY_RULES}`,
    `user ${admin.username} on ${passwords(admin.passwordHashes)} ~* &* +@all`,
    ...others.map(
      u =>
        `user ${u.username} on ${passwords(
          u.passwordHashes,
        )} ${SENTINEL_DISCOVERY_RULES}`,
    ),
    '',
  ].join('\n');
}
