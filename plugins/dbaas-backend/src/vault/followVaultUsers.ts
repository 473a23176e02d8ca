import { Instance } from '@justmanage/plugin-dbaas-common';
import { Driver } from '@justmanage/plugin-dbaas-node';
import { OperationDeps } from '../operations/types';
import { targetOfNode } from '../redis/redisTarget';
import { convergeUsersOnNodes } from '../users/convergeUsersOnNodes';
import { VaultPasswordHash, VaultUserRecord } from '../users/AclUserStore';
import { parseAclListLine, ListedAclUser } from './aclListLine';
import { VaultRegistration } from './VaultRegistrationStore';
import { isVaultUsername, VAULT_USERNAME } from './vaultUsernames';

/** What following Vault found, for logs and tests. */
export interface FollowResult {
  /** Users recorded anew, changed or removed, in words. */
  changes: string[];
  /** Why Vault's node could not be read; nothing was changed then. */
  skipped?: string;
}

type FollowDeps = Pick<OperationDeps, 'credentials' | 'users' | 'admin'>;

/**
 * The hashes a user should accept after Vault's node showed `listed`:
 * Vault's current ones, plus those it replaced, which keep working for
 * `graceMs` so clients that have not re-read the secret still log in.
 */
export function nextHashes(
  listed: ListedAclUser,
  record: VaultUserRecord | undefined,
  graceMs: number,
  now: Date,
): VaultPasswordHash[] {
  const nowIso = now.toISOString();
  const retiring = (record?.hashes ?? []).filter(
    h => h.retiresAt && h.retiresAt > nowIso,
  );
  const previous = (record?.hashes ?? []).filter(h => !h.retiresAt);
  // The follower put replaced hashes back on Vault's node itself, and they
  // stay listed there until the follower takes them off again once their
  // grace has ended: none of them is Vault's current password.
  const replacedBefore = (record?.hashes ?? []).filter(h => h.retiresAt);
  const current = listed.hashes.filter(
    h => !replacedBefore.some(r => r.hash === h),
  );
  const replaced = previous.filter(h => !current.includes(h.hash));
  const retiresAt = new Date(now.getTime() + graceMs).toISOString();
  return [
    ...current.map(
      hash => previous.find(p => p.hash === hash) ?? { hash, addedAt: nowIso },
    ),
    ...retiring,
    ...(graceMs > 0 ? replaced.map(h => ({ ...h, retiresAt })) : []),
  ];
}

const sameHashes = (a: VaultPasswordHash[], b: VaultPasswordHash[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Vault's Redis plugin creates, rotates and deletes users on the one node
 * it talks to and never saves them. This reads that node's users, records
 * Vault's by hash, and puts them on every other data node and Sentinel
 * and into every ACL file, deleting elsewhere those Vault deleted. A
 * password Vault replaced stays accepted for `graceMs` on every node,
 * Vault's included. Nothing changes when Vault's node cannot be read: a
 * user missing there might only be a node that is down.
 */
export async function followVaultUsers(
  deps: FollowDeps,
  driver: Driver,
  instance: Instance,
  registration: VaultRegistration,
  graceMs: number,
  now = new Date(),
): Promise<FollowResult> {
  if (!registration.nodeId) {
    return retireReplacedHashes(deps, driver, instance, now);
  }
  const observed = await driver.observe(instance.id);
  const node = observed.nodes.find(n => n.id === registration.nodeId);
  if (!node || node.phase !== 'running' || !node.endpoint) {
    return {
      changes: [],
      skipped: `the node Vault talks to (${
        node?.name ?? registration.nodeId
      }) is ${node?.message ?? node?.phase ?? 'gone'}`,
    };
  }
  const login = await deps.credentials.get(instance.id, 'admin');
  if (!login)
    return { changes: [], skipped: 'the instance has no admin login' };
  const lines = (await deps.admin.withConnection(
    targetOfNode(instance, node),
    login,
    redis => redis.call('ACL', 'LIST'),
  )) as string[];
  const records = await deps.users.vaultUsers(instance.id);
  // Vault's own names, and users handed to its static roles.
  const listed = lines
    .map(parseAclListLine)
    .filter(
      (u): u is ListedAclUser =>
        !!u &&
        (isVaultUsername(u.username) ||
          records.some(r => r.username === u.username)),
    );
  const changes: string[] = [];
  for (const user of listed) {
    const record = records.find(r => r.username === user.username);
    // Only the product knew the first password of Vault's own user.
    const grace = user.username === VAULT_USERNAME ? 0 : graceMs;
    const hashes = nextHashes(user, record, grace, now);
    if (
      record &&
      sameHashes(record.hashes, hashes) &&
      record.rules === user.rules
    ) {
      continue;
    }
    await deps.users.putVaultUser(
      instance.id,
      { username: user.username, hashes, rules: user.rules },
      'vault',
    );
    changes.push(
      !record
        ? `${user.username} added by Vault`
        : `${user.username} changed by Vault`,
    );
  }
  for (const record of records) {
    if (listed.some(u => u.username === record.username)) continue;
    await deps.users.delete(instance.id, record.username);
    changes.push(`${record.username} removed by Vault`);
  }
  if (changes.length) {
    await convergeUsersOnNodes({ deps, driver }, instance, {
      removesVaultUsers: name => name !== node.name,
    });
  }
  return { changes };
}

/**
 * Through the gateway, Vault's changes are on every node already; what is
 * left is taking replaced passwords off once their grace has passed.
 */
async function retireReplacedHashes(
  deps: FollowDeps,
  driver: Driver,
  instance: Instance,
  now: Date,
): Promise<FollowResult> {
  const nowIso = now.toISOString();
  const changes: string[] = [];
  for (const record of await deps.users.vaultUsers(instance.id)) {
    const hashes = record.hashes.filter(
      h => !h.retiresAt || h.retiresAt > nowIso,
    );
    if (hashes.length === record.hashes.length) continue;
    await deps.users.putVaultUser(instance.id, { ...record, hashes }, 'vault');
    changes.push(`${record.username}'s replaced password retired`);
  }
  if (changes.length) await convergeUsersOnNodes({ deps, driver }, instance);
  return { changes };
}
