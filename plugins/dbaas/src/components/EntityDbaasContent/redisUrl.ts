import type { InstanceEndpoint } from '@justmanage/plugin-dbaas-common';

/**
 * A client URL that is safe to show and copy: it never carries the
 * password, so pasting it into a chat or a ticket leaks nothing.
 */
export function redisUrl(
  endpoint: Pick<InstanceEndpoint, 'host' | 'port' | 'tls'>,
  username?: string,
): string {
  const scheme = endpoint.tls ? 'rediss' : 'redis';
  const user = username ? `${encodeURIComponent(username)}@` : '';
  const host = endpoint.host.includes(':')
    ? `[${endpoint.host}]`
    : endpoint.host;
  return `${scheme}://${user}${host}:${endpoint.port}`;
}
