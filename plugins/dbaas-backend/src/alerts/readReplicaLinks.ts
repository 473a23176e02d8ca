import type { Instance } from '@justmanage/plugin-dbaas-common';
import { CredentialStore } from '../database/CredentialStore';
import { RedisAdmin } from '../redis/RedisAdmin';
import { readReplicationInfo } from '../redis/replication';
import { targetOf } from '../redis/redisTarget';

/**
 * How many replicas the primary of a replicated instance reports online
 * (INFO replication). A replica whose link broke drops out of that list or
 * leaves the online state. Undefined when the primary could not be asked.
 */
export function replicaLinkReader(
  admin: RedisAdmin,
  credentials: CredentialStore,
) {
  return async (
    instance: Instance,
  ): Promise<{ expected: number; online: number } | undefined> => {
    const primary = instance.endpoints.find(e => e.role === 'primary');
    const login = await credentials.get(instance.id, 'admin');
    if (!primary || !login) return undefined;
    try {
      const info = await admin.withConnection(
        targetOf(instance, primary),
        login,
        redis => readReplicationInfo(redis),
      );
      return {
        expected: instance.replicas,
        online: info.replicas.filter(r => r.state === 'online').length,
      };
    } catch {
      return undefined;
    }
  };
}
