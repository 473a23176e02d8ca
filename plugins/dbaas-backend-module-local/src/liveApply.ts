import Redis from 'ioredis';
import { AdminLogin } from './adminLogin';
import { LiveSetting } from './redisConf';

/** How to reach a running server as the control plane's admin user. */
export interface LiveTarget {
  host: string;
  port: number;
  admin: AdminLogin;
  /** The CA to trust when the node speaks TLS only. */
  tls?: { ca: string };
}

/**
 * Applies settings to a running server without restarting it, as the
 * admin user. Never the users: Redis 7's `ACL LOAD` closes every session
 * of every user, so the control plane sets them with ACL SETUSER.
 *
 * Throws on the first refusal (wrong admin password, a setting that needs
 * a restart); the caller decides what to do about it.
 */
export async function applyLive(
  target: LiveTarget,
  settings: LiveSetting[],
): Promise<void> {
  const client = new Redis({
    host: target.host,
    port: target.port,
    ...(target.tls ? { tls: { ca: target.tls.ca } } : {}),
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    disableClientInfo: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
    commandTimeout: 5000,
  });
  // Errors surface through the awaited commands; without a listener
  // ioredis would also print them.
  client.on('error', () => undefined);
  try {
    await client.connect();
    // Explicit AUTH rather than connection options, so a wrong password
    // fails here with WRONGPASS instead of as a NOAUTH on a later command.
    await client.call('AUTH', target.admin.username, target.admin.password);
    for (const { key, value, with: paired, onlyIfDifferent } of settings) {
      try {
        if (onlyIfDifferent) {
          const [, current] = (await client.call('CONFIG', 'GET', key)) as [
            string,
            string,
          ];
          if (current === value) continue;
        }
        await client.call(
          'CONFIG',
          'SET',
          key,
          value,
          ...(paired ? [paired.key, paired.value] : []),
        );
      } catch (error) {
        throw new Error(`CONFIG SET ${key}: ${(error as Error).message}`);
      }
    }
  } finally {
    client.disconnect();
  }
}
