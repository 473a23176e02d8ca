import { NotFoundError } from '@backstage/errors';
import {
  APP_USERNAME,
  ConnectionDetails,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import { AclUserStore } from '../users/AclUserStore';
import { sentinelDetails } from '../replication/sentinelDetails';
import { InstanceTls } from '../tls/InstanceTls';

/**
 * How an application connects to `instance` as `username` (the default
 * app user unless told): the primary endpoint and the user's newest
 * password. Callers check the credentials permission and audit the read
 * first; the password must never reach a log.
 */
export async function connectionDetails(
  instance: Instance,
  users: AclUserStore,
  username: string = APP_USERNAME,
  tls?: InstanceTls,
): Promise<ConnectionDetails> {
  const primary = instance.endpoints.find(e => e.role === 'primary');
  const [newest] = await users.passwords(instance.id, username);
  if (!newest) {
    throw new NotFoundError(
      `Instance ${instance.name} has no user named ${username}`,
    );
  }
  if (!primary) {
    throw new NotFoundError(
      `Instance ${instance.name} has no connection details yet (status ${instance.status})`,
    );
  }
  const scheme = primary.tls ? 'rediss' : 'redis';
  // With TLS preferred the plain port stays the URL; the TLS one is beside it.
  const tlsPort = primary.tls ? undefined : primary.tlsPort;
  const caCertificate =
    primary.tls || tlsPort ? await tls?.trust(instance.id) : undefined;
  return {
    host: primary.host,
    port: primary.port,
    tls: primary.tls,
    username,
    password: newest.password,
    url: `${scheme}://${username}@${primary.host}:${primary.port}`,
    ...(caCertificate ? { caCertificate } : {}),
    ...(tlsPort
      ? { tlsUrl: `rediss://${username}@${primary.host}:${tlsPort}` }
      : {}),
    ...sentinelDetails(instance),
  };
}
