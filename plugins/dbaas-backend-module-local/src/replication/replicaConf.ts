import { AdminLogin } from '../adminLogin';
import { LiveSetting, quote } from '../redisConf';

/** Where a replica copies from. */
export interface PrimaryAddress {
  host: string;
  port: number;
}

/**
 * How a data node of a replicated instance authenticates to its primary:
 * as the control plane's admin user, the one every node has. Every data
 * node gets it, the primary too, because Sentinel may turn any of them
 * into a replica. The password has to be in plain text here, as Redis
 * sends it itself; the file is readable by the backend's user only.
 */
export function replicationAuth(admin: AdminLogin): LiveSetting[] {
  return [
    { key: 'masteruser', value: admin.username },
    { key: 'masterauth', value: admin.password },
  ];
}

/** The redis.conf lines of a data node; `primary` is absent for the primary itself. */
export function renderReplicationLines(
  admin: AdminLogin,
  primary: PrimaryAddress | undefined,
  announceHost: string,
): string {
  const lines = replicationAuth(admin).map(
    ({ key, value }) => `${key} ${quote(value)}`,
  );
  // Replicas are named by the address they announce, not the one their
  // connection comes from, which on a shared host is the same for all.
  lines.push(`replica-announce-ip ${quote(announceHost)}`);
  // Redis waits 5 s by default for more replicas to share a full sync;
  // a replica restarting alone (as in a rolling upgrade) would wait for
  // nothing.
  lines.push('repl-diskless-sync-delay 0');
  if (primary) {
    lines.push(`replicaof ${quote(primary.host)} ${primary.port}`);
  }
  return `${lines.join('\n')}\n`;
}

const REPLICAOF_LINE = /^\s*(replicaof|slaveof)\s/i;

/**
 * Points a config file at another primary, or at none. The supervisor
 * restarts a node from its file without the spec's passwords, so it edits
 * only this line and keeps what Sentinel's CONFIG REWRITE put there.
 */
export function withReplicaOf(
  conf: string,
  primary: PrimaryAddress | undefined,
): string {
  const lines = conf
    .split('\n')
    .filter(line => line !== '' && !REPLICAOF_LINE.test(line));
  if (primary) {
    lines.push(`replicaof ${quote(primary.host)} ${primary.port}`);
  }
  return `${lines.join('\n')}\n`;
}
