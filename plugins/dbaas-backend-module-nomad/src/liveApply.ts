import {
  directConnector,
  DriverConnector,
  NodeTarget,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { Setting } from './redisConf';

export interface AdminLogin {
  username: string;
  password: string;
}

/**
 * Brings a running server to the spec without a restart: CONFIG SET for
 * each setting whose value differs, as the control plane's admin user,
 * on a route from the driver's connector (the backend may not route to
 * Nomad clients). Users are not touched: the control plane sets them live.
 */
export async function applyLive(
  target: NodeTarget,
  admin: AdminLogin,
  settings: Setting[],
  connector: DriverConnector = directConnector,
): Promise<void> {
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
      if (current === normalise(key, value)) continue;
      try {
        await redis.call('CONFIG', 'SET', key, value);
      } catch (error) {
        throw new Error(
          `CONFIG SET ${key} on ${target.nodeId}: ${(error as Error).message}`,
        );
      }
    }
  } finally {
    redis.disconnect();
    route.close();
  }
}

/** How Redis reports a value back: sizes in bytes. */
function normalise(key: string, value: string): string {
  const size = /^(\d+)mb$/i.exec(value);
  if (key === 'maxmemory' && size) return String(Number(size[1]) * 1024 * 1024);
  return value;
}
