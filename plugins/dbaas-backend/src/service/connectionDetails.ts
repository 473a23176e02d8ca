import { NotFoundError } from '@backstage/errors';
import { ConnectionDetails, Instance } from '@justmanage/plugin-dbaas-common';
import { CredentialStore } from '../database/CredentialStore';
import { sentinelDetails } from '../replication/sentinelDetails';

/**
 * How an application connects to `instance`: its primary endpoint and the
 * application user's password. Callers check the credentials permission and
 * audit the read first; the password must never reach a log.
 */
export async function connectionDetails(
  instance: Instance,
  credentials: CredentialStore,
): Promise<ConnectionDetails> {
  const primary = instance.endpoints.find(e => e.role === 'primary');
  const app = await credentials.get(instance.id, 'app');
  if (!primary || !app) {
    throw new NotFoundError(
      `Instance ${instance.name} has no connection details yet (status ${instance.status})`,
    );
  }
  const scheme = primary.tls ? 'rediss' : 'redis';
  return {
    host: primary.host,
    port: primary.port,
    tls: primary.tls,
    username: app.username,
    password: app.password,
    url: `${scheme}://${app.username}@${primary.host}:${primary.port}`,
    ...sentinelDetails(instance),
  };
}
