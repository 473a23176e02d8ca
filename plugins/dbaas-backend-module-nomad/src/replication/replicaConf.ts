import { quote } from '../redisConf';

/** Where a replica copies from: the primary's allocation address. */
export interface PrimaryAddress {
  host: string;
  port: number;
}

export interface AdminLogin {
  username: string;
  password: string;
}

/**
 * The redis.conf lines a data node of a replicated instance adds to the
 * spec's; `primary` is absent for the node that is the primary. Nomad
 * places the primary on an address known only once it is allocated, so
 * the driver writes the replicas' variables from what it observed.
 */
export function replicationLines(primary: PrimaryAddress | undefined): string {
  const lines = [
    // Redis waits 5 s by default for more replicas to share a full sync;
    // a replica restarting alone (as in a rolling upgrade) would wait for
    // nothing.
    'repl-diskless-sync-delay 0',
  ];
  if (primary) lines.push(`replicaof ${quote(primary.host)} ${primary.port}`);
  return `${lines.join('\n')}\n`;
}

/**
 * How a data node logs in to its primary: as the control plane's admin,
 * the one user every node has. Every data node gets it, the primary too,
 * because Sentinel may turn any of them into a replica. Redis sends the
 * password itself, so it is in plain text here: in the Nomad Variable
 * (encrypted by Nomad, readable by the job's tasks and the driver's
 * token) and in the task's secrets directory (mode 0600).
 */
export function replicationAuth(admin: AdminLogin): string {
  return `masteruser ${quote(admin.username)}\nmasterauth ${quote(
    admin.password,
  )}\n`;
}

/** The same, for CONFIG SET on a running data node (one that was standalone, say). */
export function liveReplicationSettings(
  admin: AdminLogin,
): Array<{ key: string; value: string }> {
  return [
    { key: 'masteruser', value: admin.username },
    { key: 'masterauth', value: admin.password },
    { key: 'repl-diskless-sync-delay', value: '0' },
  ];
}

const REPLICAOF_LINE = /^\s*(replicaof|slaveof)\s/i;

/**
 * Points a node's redis.conf item at another primary, or at none, and
 * changes nothing else: for nodes an update leaves alone, whose settings
 * must stay as they were, but which must not restart (Nomad restarts
 * tasks on its own) as replicas of a node that is no longer the primary.
 */
export function withReplicaOf(
  conf: string,
  primary: PrimaryAddress | undefined,
): string {
  const lines = conf
    .split('\n')
    .filter(line => line !== '' && !REPLICAOF_LINE.test(line));
  if (primary) lines.push(`replicaof ${quote(primary.host)} ${primary.port}`);
  return `${lines.join('\n')}\n`;
}
