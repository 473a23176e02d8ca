import {
  directConnector,
  Driver,
  ObservedNode,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { SuiteLogin } from './testSpec';

/**
 * Runs `fn` on a connection to one node, opened the way the control plane
 * opens every connection: on a route from the driver's connector.
 */
export async function withNode<T>(
  driver: Driver,
  instanceId: string,
  node: ObservedNode,
  login: SuiteLogin | undefined,
  fn: (redis: Redis) => Promise<T>,
): Promise<T> {
  if (!node.endpoint) {
    throw new Error(`Node ${node.name} has no endpoint (${node.phase})`);
  }
  const connector = driver.connector ?? directConnector;
  const route = await connector.open({
    instanceId,
    nodeId: node.id,
    endpoint: node.endpoint,
  });
  const redis = new Redis({
    host: route.host,
    port: route.port,
    tls: route.tls ? { servername: route.servername } : undefined,
    username: login?.username,
    password: login?.password,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 5000,
    commandTimeout: 30_000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await fn(redis);
  } finally {
    redis.disconnect();
    route.close();
  }
}

/** Whether `login` is refused, as Redis refuses it (NOAUTH, WRONGPASS). */
export async function loginRefused(
  driver: Driver,
  instanceId: string,
  node: ObservedNode,
  login: SuiteLogin | undefined,
): Promise<string> {
  try {
    // AUTH sent as a command, so the refusal comes back as Redis words it.
    await withNode(driver, instanceId, node, undefined, async redis => {
      if (login) await redis.call('AUTH', login.username, login.password);
      return redis.get('x');
    });
  } catch (error) {
    return (error as Error).message;
  }
  return 'not refused';
}
