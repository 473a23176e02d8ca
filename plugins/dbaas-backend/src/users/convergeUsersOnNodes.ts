import { aclRulesForEngine, Instance } from '@justmanage/plugin-dbaas-common';
import {
  ObservedNode,
  SENTINEL_DISCOVERY_RULES,
} from '@justmanage/plugin-dbaas-node';
import Redis from 'ioredis';
import { Driver } from '@justmanage/plugin-dbaas-node';
import { OperationDeps } from '../operations/types';
import { isPlatformUsername } from './platformUsernames';
import { targetOfNode } from '../redis/redisTarget';
import { isVaultUsername } from '../vault/vaultUsernames';

/** What converging did on one node. */
export interface NodeUsers {
  node: string;
  /** Users deleted there, with how many sessions each had open. */
  removed: Array<{ username: string; sessions: number }>;
  /** Why the node was not reached; it gets the users when it returns. */
  skipped?: string;
}

type DesiredUser = { username: string; hashes: string[]; rules: string };

/** ACL SETUSER arguments that make `user` exactly what is desired, from any state. */
function setUserArgs(user: DesiredUser, rules: string): string[] {
  return [
    'SETUSER',
    user.username,
    'on',
    'resetpass',
    ...user.hashes.map(hash => `#${hash}`),
    ...rules.split(/\s+/).filter(Boolean),
  ];
}

async function sessionsOf(redis: Redis, username: string): Promise<number> {
  const list = String(await redis.call('CLIENT', 'LIST'));
  return list
    .split('\n')
    .filter(line => new RegExp(`(^| )user=${username}( |$)`).test(line)).length;
}

async function convergeNode(
  redis: Redis,
  node: ObservedNode,
  instance: Instance,
  desired: DesiredUser[],
  removesVaultUsers: boolean,
): Promise<NodeUsers> {
  const sentinel = node.role === 'sentinel';
  const version = node.version ?? instance.version;
  for (const user of desired) {
    const rules = sentinel
      ? SENTINEL_DISCOVERY_RULES
      : aclRulesForEngine(
          instance.engine,
          version,
          `resetkeys resetchannels nocommands ${user.rules}`,
        );
    await redis.call('ACL', ...setUserArgs(user, rules));
  }
  const present = (await redis.call('ACL', 'USERS')) as string[];
  const removed: NodeUsers['removed'] = [];
  for (const username of present) {
    // Redis' own user, and the jm- users of the control plane and of
    // drivers (a Kubernetes probe's health user) are not the records' to remove.
    if (username === 'default' || isPlatformUsername(username)) continue;
    if (desired.some(u => u.username === username)) continue;
    // Vault's plugin adds its users on one node; only the follower, which
    // has just read that node, knows which unrecorded ones Vault revoked.
    if (isVaultUsername(username) && !removesVaultUsers) continue;
    const sessions = await sessionsOf(redis, username);
    // DELUSER also closes the user's sessions: a revoke ends them.
    await redis.call('ACL', 'DELUSER', username);
    removed.push({ username, sessions });
  }
  if (sentinel) {
    await redis.call('SENTINEL', 'FLUSHCONFIG');
  } else {
    await redis.call('ACL', 'SAVE');
  }
  return { node: node.name, removed };
}

/**
 * Sets the instance's users on every running data node and Sentinel as the
 * records say. ACL SETUSER changes a user in place, so its sessions stay
 * open and follow the new rules; ACL LOAD would close every session of
 * every user. Users the records no longer have are deleted, which closes
 * their sessions. Each node then keeps them for its next start (ACL SAVE,
 * SENTINEL FLUSHCONFIG). A node that is down is skipped: the file the
 * driver wrote, or the next convergence, brings it in line.
 */
export async function convergeUsersOnNodes(
  ctx: {
    deps: Pick<OperationDeps, 'credentials' | 'users' | 'admin'>;
    driver: Driver;
  },
  instance: Instance,
  options: {
    /**
     * Which nodes lose Vault users the records no longer have: all but the
     * node Vault talks to when following it, every node when Vault's
     * commands come through the gateway. None by default.
     */
    removesVaultUsers?: (nodeName: string) => boolean;
  } = {},
): Promise<NodeUsers[]> {
  const admin = await ctx.deps.credentials.get(instance.id, 'admin');
  if (!admin) throw new Error(`Instance ${instance.name} has no admin login`);
  const desired = await ctx.deps.users.withPasswords(instance.id);
  const observed = await ctx.driver.observe(instance.id);
  const results: NodeUsers[] = [];
  for (const node of observed.nodes) {
    if (node.phase !== 'running' || !node.endpoint) {
      results.push({
        node: node.name,
        removed: [],
        skipped: node.message ?? node.phase,
      });
      continue;
    }
    results.push(
      await ctx.deps.admin.withConnection(
        targetOfNode(instance, node),
        admin,
        redis =>
          convergeNode(
            redis,
            node,
            instance,
            desired,
            options.removesVaultUsers?.(node.name) ?? false,
          ),
      ),
    );
  }
  return results;
}
