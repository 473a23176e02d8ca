import Redis from 'ioredis';

/** One replica as its primary sees it (INFO replication's slaveN lines). */
export interface ReplicaLink {
  host: string;
  port: number;
  /** `online` once the replica has its copy and follows the stream. */
  state: string;
  offset: number;
}

/** INFO replication, read into what failovers and upgrades decide on. */
export interface ReplicationInfo {
  role: 'master' | 'slave';
  /** master_repl_offset: how far this node's replication stream has got. */
  offset: number;
  /** On a primary: its replicas. */
  replicas: ReplicaLink[];
  /** On a replica: where it copies from and whether the link is up. */
  primary?: { host: string; port: number; linkUp: boolean };
}

function fields(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) {
      result[line.slice(0, colon)] = line.slice(colon + 1).trim();
    }
  }
  return result;
}

/** Parses the text of `INFO replication`. */
export function parseReplicationInfo(text: string): ReplicationInfo {
  const info = fields(text);
  const replicas: ReplicaLink[] = [];
  for (const [key, value] of Object.entries(info)) {
    if (!/^slave\d+$/.test(key)) continue;
    const parts = Object.fromEntries(
      value.split(',').map(pair => pair.split('=') as [string, string]),
    );
    replicas.push({
      host: parts.ip,
      port: Number(parts.port),
      state: parts.state,
      offset: Number(parts.offset),
    });
  }
  const role = info.role === 'slave' ? 'slave' : 'master';
  return {
    role,
    offset: Number(info.master_repl_offset ?? 0),
    replicas,
    ...(role === 'slave'
      ? {
          primary: {
            host: info.master_host,
            port: Number(info.master_port),
            linkUp: info.master_link_status === 'up',
          },
        }
      : {}),
  };
}

export async function readReplicationInfo(
  redis: Redis,
): Promise<ReplicationInfo> {
  return parseReplicationInfo(await redis.info('replication'));
}

/** What one Sentinel knows of a primary (SENTINEL MASTER), as field/value pairs. */
export async function readSentinelMaster(
  sentinel: Redis,
  masterName: string,
): Promise<Record<string, string>> {
  const flat = (await sentinel.call(
    'SENTINEL',
    'MASTER',
    masterName,
  )) as string[];
  const result: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) result[flat[i]] = flat[i + 1];
  return result;
}

/** Where one Sentinel says the primary is (SENTINEL GET-MASTER-ADDR-BY-NAME). */
export async function readSentinelPrimary(
  sentinel: Redis,
  masterName: string,
): Promise<{ host: string; port: number } | undefined> {
  const reply = (await sentinel.call(
    'SENTINEL',
    'GET-MASTER-ADDR-BY-NAME',
    masterName,
  )) as [string, string] | null;
  return reply ? { host: reply[0], port: Number(reply[1]) } : undefined;
}
