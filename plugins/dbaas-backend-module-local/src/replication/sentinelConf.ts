import {
  DriverAclUser,
  SENTINEL_DISCOVERY_RULES,
} from '@justmanage/plugin-dbaas-node';
import { AdminLogin } from '../adminLogin';
import { passwordRules } from '../aclFile';
import { InstanceFiles } from '../instanceFiles';
import { quote, renderTlsLines } from '../redisConf';
import type { NodeTlsPaths } from '../nodeTls';
import { SENTINEL_QUORUM } from '../instanceNodes';
import { PrimaryAddress } from './replicaConf';

/** What clients may ask a Sentinel; see SENTINEL_DISCOVERY_RULES. */
const DISCOVERY_RULES = SENTINEL_DISCOVERY_RULES;

/** Everything a Sentinel's configuration is made of. */
export interface SentinelConfTarget {
  files: InstanceFiles;
  bindAddress: string;
  /** The address this Sentinel tells the others it is at. */
  announceHost: string;
  port: number;
  masterName: string;
  primary: PrimaryAddress;
  /** The control plane's admin first, as in the spec. */
  users: DriverAclUser[];
  admin: AdminLogin;
  downAfterMs: number;
  failoverTimeoutMs: number;
  /** Present when the instance speaks TLS only: Sentinels too. */
  tls?: NodeTlsPaths;
}

/**
 * Renders sentinel.conf. Sentinel owns the file once it runs: it rewrites
 * it with its id, epochs and the nodes it found, and follows failovers in
 * it. The driver writes it only to create a Sentinel or to change what it
 * was told here, see {@link sentinelConfDigest}.
 */
export function renderSentinelConf(target: SentinelConfTarget): string {
  const { files, masterName: name, primary } = target;
  const { admin } = target;
  const [adminUser, ...others] = target.users;
  const lines = [
    '# Written by the JustManage local driver; Sentinel rewrites it as it runs.',
    // With TLS, tls-replication yes also makes Sentinel dial the data
    // nodes and the other Sentinels over TLS.
    ...(target.tls
      ? renderTlsLines(target.tls, { plainPort: 0, tlsPort: target.port })
      : [`port ${target.port}`]),
    `bind ${quote(target.bindAddress)}`,
    `sentinel announce-ip ${quote(target.announceHost)}`,
    'daemonize no',
    `dir ${quote(files.dataFolder)}`,
    `pidfile ${quote(files.pidfile)}`,
    `logfile ${quote(files.logfile)}`,
    `sentinel monitor ${name} ${quote(primary.host)} ${
      primary.port
    } ${SENTINEL_QUORUM}`,
    // Sentinel authenticates to the data nodes and to the other Sentinels
    // itself, so these passwords are in plain text, in a file only the
    // backend's user can read.
    `sentinel auth-user ${name} ${admin.username}`,
    `sentinel auth-pass ${name} ${quote(admin.password)}`,
    `sentinel sentinel-user ${admin.username}`,
    `sentinel sentinel-pass ${quote(admin.password)}`,
    `sentinel down-after-milliseconds ${name} ${target.downAfterMs}`,
    `sentinel failover-timeout ${name} ${target.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${name} 1`,
    `user default on nopass ${DISCOVERY_RULES}`,
    `user ${adminUser.username} on ${passwordRules(adminUser)} ~* &* +@all`,
    ...others.map(
      user =>
        `user ${user.username} on ${passwordRules(user)} ${DISCOVERY_RULES}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * A fingerprint of what the driver tells a Sentinel, without the primary's
 * address: Sentinel follows failovers itself, and a changed primary must
 * not count as a change that restarts it.
 */
export function sentinelConfDigestInput(target: SentinelConfTarget): string {
  return renderSentinelConf({
    ...target,
    primary: { host: target.primary.host, port: 0 },
    // The control plane sets users on a running Sentinel itself (ACL
    // SETUSER, then SENTINEL FLUSHCONFIG): a restart would cut every
    // client's Sentinel connection for what is done live.
    users: target.users.slice(0, 1),
  });
}

const MYID_LINE = /^sentinel myid [0-9a-f]+$/m;

/**
 * Keeps the id a Sentinel gave itself when its file is written again, so
 * the other Sentinels do not count it twice.
 */
export function keepSentinelId(
  previous: string | undefined,
  rendered: string,
): string {
  const id = previous ? MYID_LINE.exec(previous)?.[0] : undefined;
  return id ? `${rendered}${id}\n` : rendered;
}
