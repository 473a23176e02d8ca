import { PrimaryLink, ReplicaLink } from '@justmanage/plugin-dbaas-common';
import { InfoFields, numberOf, parseList } from './parseInfo';

const REPLICA_FIELD = /^slave\d+$/;

/** What INFO replication says of the node it was asked on. */
export interface NodeReplication {
  role: 'primary' | 'replica';
  offset: number;
  replicas: ReplicaLink[];
  primaryLink?: PrimaryLink;
}

/**
 * Reads INFO replication. On a primary the `slaveN` lines list its
 * replicas (`ip=...,port=...,state=online,offset=...,lag=0`); on a replica
 * the master_* fields describe its link.
 */
export function replicationOf(fields: InfoFields): NodeReplication {
  const role = fields.role === 'slave' ? 'replica' : 'primary';
  const offset =
    numberOf(
      fields,
      role === 'primary' ? 'master_repl_offset' : 'slave_repl_offset',
    ) ??
    numberOf(fields, 'master_repl_offset') ??
    0;
  const replicas: ReplicaLink[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!REPLICA_FIELD.test(name)) continue;
    const list = parseList(value);
    const replicaOffset = Number(list.offset) || 0;
    const lag = Number(list.lag);
    replicas.push({
      host: list.ip ?? '',
      port: Number(list.port) || 0,
      state: list.state ?? 'unknown',
      offset: replicaOffset,
      lagBytes: Math.max(0, offset - replicaOffset),
      ...(list.lag !== undefined && Number.isFinite(lag)
        ? { lagSeconds: lag }
        : {}),
    });
  }
  const lastIo = numberOf(fields, 'master_last_io_seconds_ago');
  const primaryLink: PrimaryLink | undefined =
    role === 'replica'
      ? {
          host: fields.master_host ?? '',
          port: numberOf(fields, 'master_port') ?? 0,
          status: fields.master_link_status === 'up' ? 'up' : 'down',
          // -1 while the link is down
          ...(lastIo !== undefined && lastIo >= 0
            ? { lastIoSecondsAgo: lastIo }
            : {}),
          syncInProgress: fields.master_sync_in_progress === '1',
        }
      : undefined;
  return { role, offset, replicas, ...(primaryLink ? { primaryLink } : {}) };
}
