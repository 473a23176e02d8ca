import { Instance } from '@justmanage/plugin-dbaas-common';
import { Driver } from '@justmanage/plugin-dbaas-node';
import { CredentialStore } from '../database/CredentialStore';
import { RedisAdmin } from '../redis/RedisAdmin';
import { targetOfNode } from '../redis/redisTarget';
import { AclUserStore } from './AclUserStore';
import { userDrift } from './userDrift';
import { isPlatformUsername } from './platformUsernames';
import { isVaultUsername } from '../vault/vaultUsernames';

/**
 * Asks every running node of the instance for its users (ACL LIST) and
 * says, per node, how they differ from the records: a node that was down
 * or unreachable while users changed comes back with the old ones.
 */
export async function findUserDrift(
  deps: {
    users: AclUserStore;
    credentials: CredentialStore;
    admin: RedisAdmin;
  },
  driver: Driver,
  instance: Instance,
): Promise<string[]> {
  const login = await deps.credentials.get(instance.id, 'admin');
  if (!login) return [];
  const desired = await deps.users.withPasswords(instance.id);
  const observed = await driver.observe(instance.id);
  const drift: string[] = [];
  for (const node of observed.nodes) {
    if (node.phase !== 'running' || !node.endpoint) continue;
    const list = (await deps.admin.withConnection(
      targetOfNode(instance, node),
      login,
      redis => redis.call('ACL', 'LIST'),
    )) as string[];
    // Vault users not recorded yet are the follower's to judge.
    const problem = userDrift(
      list,
      desired,
      name =>
        name === 'default' || isPlatformUsername(name) || isVaultUsername(name),
    );
    if (problem) drift.push(`${node.name}: ${problem}`);
  }
  return drift;
}
