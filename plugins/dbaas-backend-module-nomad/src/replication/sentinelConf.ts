import { createHash } from 'node:crypto';
import {
  DriverAclUser,
  SENTINEL_DISCOVERY_RULES,
} from '@justmanage/plugin-dbaas-node';
import { quote } from '../redisConf';
import { SENTINEL_QUORUM } from '../names';
import { AdminLogin, PrimaryAddress } from './replicaConf';

/** What the driver tells a Sentinel, through its group's variable. */
export interface SentinelConfInput {
  jobId: string;
  group: string;
  masterName: string;
  primary: PrimaryAddress;
  /** The control plane's admin first, as in the spec. */
  users: DriverAclUser[];
  admin: AdminLogin;
  downAfterMs: number;
  failoverTimeoutMs: number;
}

/**
 * A Sentinel's id, fixed per group: a new allocation of the group (an
 * upgrade, a restart elsewhere) starts from a fresh file and would
 * otherwise be counted by the others as one more Sentinel, making a
 * majority harder to reach.
 */
export function sentinelId(jobId: string, group: string): string {
  return createHash('sha1').update(`${jobId}/${group}`).digest('hex');
}

const hashes = (user: DriverAclUser) =>
  user.passwordHashes.map(h => `#${h}`).join(' ');

/**
 * The spec's part of sentinel.conf, kept in the Sentinel group's variable.
 * Sentinel authenticates to the data nodes and the other Sentinels
 * itself, so the admin password is in plain text, as for replication.
 */
export function renderSentinelConf(input: SentinelConfInput): string {
  const { masterName: name, primary, admin } = input;
  const [adminUser, ...others] = input.users;
  const lines = [
    `sentinel myid ${sentinelId(input.jobId, input.group)}`,
    `sentinel monitor ${name} ${quote(primary.host)} ${
      primary.port
    } ${SENTINEL_QUORUM}`,
    `sentinel auth-user ${name} ${quote(admin.username)}`,
    `sentinel auth-pass ${name} ${quote(admin.password)}`,
    `sentinel sentinel-user ${quote(admin.username)}`,
    `sentinel sentinel-pass ${quote(admin.password)}`,
    `sentinel down-after-milliseconds ${name} ${input.downAfterMs}`,
    `sentinel failover-timeout ${name} ${input.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${name} 1`,
    `user default on nopass ${SENTINEL_DISCOVERY_RULES}`,
    `user ${adminUser.username} on ${hashes(adminUser)} ~* &* +@all`,
    ...others.map(
      user =>
        `user ${user.username} on ${hashes(user)} ${SENTINEL_DISCOVERY_RULES}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
