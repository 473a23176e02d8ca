/** The user the product makes for Vault's plugin; only Vault knows its password after rotate-root. */
export const VAULT_USERNAME = 'jm-vault';

/**
 * Whether Vault owns a username on the instance: its own user, and those
 * its Redis plugin creates, whose default template upper-cases
 * `V_<display name>_<role>_<random>_<time>`. Product usernames are lower
 * case, so the two never meet.
 */
export function isVaultUsername(username: string): boolean {
  return username === VAULT_USERNAME || username.startsWith('V_');
}
