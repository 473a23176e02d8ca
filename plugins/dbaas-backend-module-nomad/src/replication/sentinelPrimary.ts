import { DriverConnector, NodeEndpoint } from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { PrimaryAddress } from './replicaConf';

/** A Sentinel to ask, by node id and endpoint (reached through the connector). */
export interface SentinelTarget {
  instanceId: string;
  nodeId: string;
  endpoint: NodeEndpoint;
}

/**
 * Asks one Sentinel where the primary is, as the default user may (see
 * SENTINEL_DISCOVERY_RULES). Undefined when it does not answer or does not
 * know the name; kept short because observe asks on every poll.
 */
async function askOne(
  target: SentinelTarget,
  masterName: string,
  connector: DriverConnector,
): Promise<PrimaryAddress | undefined> {
  const route = await connector.open(target);
  const redis = new Redis({
    host: route.host,
    port: route.port,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 500,
    commandTimeout: 500,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const reply = (await redis.call(
      'SENTINEL',
      'GET-MASTER-ADDR-BY-NAME',
      masterName,
    )) as string[] | null;
    const port = Number(reply?.[1]);
    return reply && Number.isInteger(port) && port > 0
      ? { host: reply[0], port }
      : undefined;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
    route.close();
  }
}

/**
 * Where most of the Sentinels that answer say the primary is. While a
 * failover is being announced they may briefly disagree; the majority is
 * what clients asking any of them will mostly be told.
 */
export async function primaryFromSentinels(
  sentinels: SentinelTarget[],
  masterName: string,
  connector: DriverConnector,
): Promise<PrimaryAddress | undefined> {
  const answers = (
    await Promise.all(sentinels.map(s => askOne(s, masterName, connector)))
  ).filter((a): a is PrimaryAddress => a !== undefined);
  const votes = new Map<string, { primary: PrimaryAddress; count: number }>();
  for (const answer of answers) {
    const key = `${answer.host}:${answer.port}`;
    const entry = votes.get(key) ?? { primary: answer, count: 0 };
    entry.count++;
    votes.set(key, entry);
  }
  return [...votes.values()].sort((a, b) => b.count - a.count)[0]?.primary;
}
