import { shellQuote } from './shellQuote';
import { ConnectionTarget, SentinelAddress } from './types';

type Endpoint = Pick<ConnectionTarget, 'host' | 'port'>;

function hostAndPort({ host, port }: Endpoint): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The primary's `redis://` (or `rediss://` with TLS) URL, with the user and,
 * when the target has it, the password: ready for `redis-cli -u` and for
 * every client that takes a URL.
 * @public
 */
export function redisUrl(
  target: Pick<ConnectionTarget, 'host' | 'port' | 'tls' | 'password'> & {
    username?: string;
  },
): string {
  const scheme = target.tls ? 'rediss' : 'redis';
  const user = target.username ? encodeURIComponent(target.username) : '';
  const secret =
    target.password === undefined
      ? ''
      : `:${encodeURIComponent(target.password)}`;
  const userinfo = user || secret ? `${user}${secret}@` : '';
  return `${scheme}://${userinfo}${hostAndPort(target)}`;
}

/** `--tls`, trusting the CA file when there is one; nothing without TLS. */
function tlsOptions(target: ConnectionTarget): string {
  if (!target.tls) return '';
  return target.caFile
    ? ` --tls --cacert ${shellQuote(target.caFile)}`
    : ' --tls';
}

function redisCli(target: ConnectionTarget, endpoint: Endpoint): string {
  const tls = tlsOptions(target);
  if (target.password === undefined) {
    // --askpass reads the password from the terminal, so the line itself
    // can be shown and copied anywhere
    return `redis-cli${tls} -h ${shellQuote(endpoint.host)} -p ${
      endpoint.port
    } --user ${shellQuote(target.username)} --askpass`;
  }
  return `redis-cli${tls} -u ${shellQuote(
    redisUrl({ ...target, ...endpoint }),
  )}`;
}

/**
 * A redis-cli command line that connects to the primary as the target's
 * user: `-u <url>` with the password, `--askpass` without it; with TLS,
 * `--tls` and `--cacert <caFile>` when the target names one.
 * @public
 */
export function redisCliCommand(target: ConnectionTarget): string {
  return redisCli(target, target);
}

/**
 * The redis-cli line that asks the first Sentinel of a replicated instance
 * which node is the primary now (it answers host and port); undefined for a
 * standalone instance.
 * @public
 */
export function sentinelCliCommand(
  target: ConnectionTarget,
): string | undefined {
  const sentinel = target.sentinel;
  if (!sentinel || sentinel.endpoints.length === 0) return undefined;
  return `${redisCli(
    target,
    sentinel.endpoints[0],
  )} SENTINEL GET-MASTER-ADDR-BY-NAME ${shellQuote(sentinel.masterName)}`;
}

/** `host:port,host:port`, the form most tools take a Sentinel list in. */
export function sentinelList(endpoints: SentinelAddress[]): string {
  return endpoints.map(hostAndPort).join(',');
}

/**
 * The variables the client snippets read (REDIS_URL ... REDIS_PASSWORD,
 * and REDIS_SENTINELS and REDIS_SENTINEL_MASTER for a replicated instance),
 * in this order. REDIS_PASSWORD only when the target has it.
 * @public
 */
export function environmentVariables(
  target: ConnectionTarget,
): Array<{ name: string; value: string }> {
  const variables = [
    { name: 'REDIS_URL', value: redisUrl(target) },
    { name: 'REDIS_HOST', value: target.host },
    { name: 'REDIS_PORT', value: `${target.port}` },
    { name: 'REDIS_USERNAME', value: target.username },
  ];
  if (target.password !== undefined) {
    variables.push({ name: 'REDIS_PASSWORD', value: target.password });
  }
  if (target.sentinel) {
    variables.push(
      {
        name: 'REDIS_SENTINELS',
        value: sentinelList(target.sentinel.endpoints),
      },
      { name: 'REDIS_SENTINEL_MASTER', value: target.sentinel.masterName },
    );
  }
  return variables;
}

/**
 * The variables as `NAME=value` lines, quoted for a shell, so the text works
 * as a .env file and after `set -a; . ./redis.env`.
 * @public
 */
export function environmentFile(target: ConnectionTarget): string {
  return environmentVariables(target)
    .map(({ name, value }) => `${name}=${shellQuote(value)}`)
    .join('\n');
}
