import { aclPasswordHash } from '@justmanage/plugin-dbaas-node';
import { VaultPasswordHash, VaultUserRecord } from '../../users/AclUserStore';
import { VAULT_USERNAME } from '../vaultUsernames';

const FLAGS = new Set(['on', 'off', 'resetpass', 'nopass']);

/**
 * The user after `ACL SETUSER <name> <args>` from Vault, as a record.
 * SETUSER changes a user incrementally: passwords are added (`>pw`),
 * removed (`<pw`) or all dropped (`resetpass`), rules are appended. What
 * RESETPASS drops keeps working for `graceMs` (never for Vault's own
 * user), so clients still holding it log in until they re-read the secret.
 */
export function userAfterSetUser(
  username: string,
  args: string[],
  existing: { rules: string; hashes: VaultPasswordHash[] } | undefined,
  graceMs: number,
  now: Date,
): VaultUserRecord {
  const nowIso = now.toISOString();
  const lower = (arg: string) => arg.toLowerCase();
  const reset = args.some(arg => lower(arg) === 'resetpass');
  let current = (existing?.hashes ?? []).filter(h => !h.retiresAt);
  const retiring = (existing?.hashes ?? []).filter(
    h => h.retiresAt && h.retiresAt > nowIso,
  );
  if (reset) {
    const retiresAt = new Date(now.getTime() + graceMs).toISOString();
    if (graceMs > 0 && username !== VAULT_USERNAME) {
      retiring.push(...current.map(h => ({ ...h, retiresAt })));
    }
    current = [];
  }
  const rules: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('>')) {
      const hash = aclPasswordHash(arg.slice(1));
      if (!current.some(h => h.hash === hash)) {
        current.push({ hash, addedAt: nowIso });
      }
    } else if (arg.startsWith('#')) {
      current.push({ hash: arg.slice(1).toLowerCase(), addedAt: nowIso });
    } else if (arg.startsWith('<')) {
      const hash = aclPasswordHash(arg.slice(1));
      current = current.filter(h => h.hash !== hash);
    } else if (arg.startsWith('!')) {
      current = current.filter(h => h.hash !== arg.slice(1).toLowerCase());
    } else if (!FLAGS.has(lower(arg))) {
      rules.push(arg);
    }
  }
  return {
    username,
    hashes: [
      ...current,
      ...retiring.filter(r => !current.some(c => c.hash === r.hash)),
    ],
    rules: [existing?.rules, ...rules].filter(Boolean).join(' '),
  };
}
