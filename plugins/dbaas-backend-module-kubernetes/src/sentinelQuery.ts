import { DriverConnector, NodeEndpoint } from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';

/**
 * Asks the Sentinels, one after the other, where the primary of `name`
 * is; the first answer wins. Anyone may ask (the discovery rules), so no
 * password is needed. Undefined when no Sentinel answers.
 */
export async function primaryFromSentinels(
  instanceId: string,
  sentinels: Array<{ id: string; endpoint: NodeEndpoint }>,
  name: string,
  connector: DriverConnector,
): Promise<string | undefined> {
  for (const sentinel of sentinels) {
    const route = await connector.open({
      instanceId,
      nodeId: sentinel.id,
      endpoint: sentinel.endpoint,
    });
    const redis = new Redis({
      host: route.host,
      port: route.port,
      lazyConnect: true,
      enableReadyCheck: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 2000,
      commandTimeout: 2000,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const reply = (await redis.call(
        'SENTINEL',
        'GET-MASTER-ADDR-BY-NAME',
        name,
      )) as string[] | null;
      if (reply?.[0]) return reply[0];
    } catch {
      // This Sentinel is starting or gone; ask the next.
    } finally {
      redis.disconnect();
      route.close();
    }
  }
  return undefined;
}
