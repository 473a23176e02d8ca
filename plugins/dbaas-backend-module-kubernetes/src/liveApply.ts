import {
  DriverConnector,
  NodeTarget,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { Setting } from './redisConf';

/**
 * Brings a running server to the spec without a restart: CONFIG SET for
 * each setting whose value differs, as the control plane's admin, on a
 * route from the connector. The ConfigMap carries the same settings for
 * the pod's next start.
 */
export async function applyLive(
  target: NodeTarget,
  admin: { username: string; password: string },
  settings: Setting[],
  connector: DriverConnector,
): Promise<string[]> {
  const route = await connector.open(target);
  const redis = new Redis({
    host: route.host,
    port: route.port,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
    commandTimeout: 5000,
  });
  redis.on('error', () => undefined);
  const changed: string[] = [];
  try {
    try {
      await redis.connect();
    } catch (error) {
      throw new PlatformUnavailableError(
        `Cannot reach ${target.nodeId} at ${route.host}:${
          route.port
        } to apply settings: ${(error as Error).message}`,
      );
    }
    await redis.call('AUTH', admin.username, admin.password);
    for (const { key, value } of settings) {
      const [, current] = (await redis.call('CONFIG', 'GET', key)) as string[];
      if (current === asReported(key, value)) continue;
      await redis.call('CONFIG', 'SET', key, value).catch((error: Error) => {
        throw new Error(
          `CONFIG SET ${key} on ${target.nodeId}: ${error.message}`,
        );
      });
      changed.push(key);
    }
  } finally {
    redis.disconnect();
    route.close();
  }
  return changed;
}

/** Redis reports sizes back in bytes. */
function asReported(key: string, value: string): string {
  const mb = /^(\d+)mb$/i.exec(value);
  return key === 'maxmemory' && mb
    ? String(Number(mb[1]) * 1024 * 1024)
    : value;
}
