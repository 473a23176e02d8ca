import {
  DriverConnector,
  NodeTarget,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { FeederAddress, RdbFeeder } from './rdbFeeder';

/**
 * Replaces a running primary's dataset with `rdb`: the node becomes a
 * replica of an {@link RdbFeeder}, loads the RDB straight into memory
 * (`repl-diskless-load swapdb`, so an instance without persistence keeps
 * no copy of it on disk), and is made a primary again. Its own replicas
 * follow it and copy the new dataset. With RDB persistence it saves at
 * once, so a restart starts from the restored data.
 */
export async function loadRdb(options: {
  target: NodeTarget;
  admin: { username: string; password: string };
  connector: DriverConnector;
  rdb: Buffer;
  feeder: FeederAddress;
  persistence: string;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<void> {
  const { target, admin } = options;
  const route = await options.connector.open(target);
  const redis = new Redis({
    host: route.host,
    port: route.port,
    username: admin.username,
    password: admin.password,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
    commandTimeout: 10_000,
  });
  redis.on('error', () => undefined);
  const feeder = await RdbFeeder.start(options.rdb, options.feeder);
  try {
    await redis.connect();
    const [, diskless] = (await redis.call(
      'CONFIG',
      'GET',
      'repl-diskless-load',
    )) as string[];
    await redis.call('CONFIG', 'SET', 'repl-diskless-load', 'swapdb');
    await redis.call(
      'REPLICAOF',
      options.feeder.host,
      String(options.feeder.port),
    );
    await waitUntilLoaded(redis, options.timeoutMs, options.signal);
    await redis.call('REPLICAOF', 'NO', 'ONE');
    await redis.call('CONFIG', 'SET', 'repl-diskless-load', diskless);
    if (options.persistence === 'rdb') await redis.call('SAVE');
  } catch (error) {
    // Whatever happened, the node must not stay a replica of nothing.
    await redis.call('REPLICAOF', 'NO', 'ONE').catch(() => undefined);
    throw error;
  } finally {
    redis.disconnect();
    route.close();
    await feeder.close();
  }
}

async function waitUntilLoaded(
  redis: Redis,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let problem = 'not asked yet';
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    try {
      const info = String(await redis.info('replication'));
      const field = (name: string) =>
        new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
      if (
        field('master_link_status') === 'up' &&
        field('master_sync_in_progress') === '0'
      )
        return;
      problem = `link ${field('master_link_status')}, sync in progress ${field(
        'master_sync_in_progress',
      )}`;
    } catch (error) {
      problem = (error as Error).message;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new PlatformUnavailableError(
    `The node did not load the restored RDB within ${
      timeoutMs / 1000
    } s: ${problem}`,
  );
}
