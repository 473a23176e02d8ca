import { InputError } from '@backstage/errors';
import { DriverAclUser } from '@justmanage/plugin-dbaas-node';

/** Usernames end up unquoted in the ACL file, so spaces would split them. */
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

/** The form Redis accepts after `#`: the hex SHA-256 of the password. */
const PASSWORD_HASH = /^[0-9a-f]{64}$/;

/** `#<hash>` for each of a user's passwords, checked. */
export function passwordRules(user: DriverAclUser): string {
  if (!user.passwordHashes.length) {
    throw new InputError(`ACL user "${user.username}" has no password`);
  }
  for (const hash of user.passwordHashes) {
    if (!PASSWORD_HASH.test(hash)) {
      throw new InputError(
        `ACL user "${user.username}" has a password hash that is not a hex SHA-256`,
      );
    }
  }
  return user.passwordHashes.map(hash => `#${hash}`).join(' ');
}

/**
 * The default user is off, so nobody can log in as it. Its permissions
 * still matter: Valkey 8.0 (like Redis 7.2) replays MULTI/EXEC from the AOF
 * as the default user and silently drops what that user may not run
 * (valkey-io/valkey#3983), which lost data on every restart.
 */
export const DEFAULT_USER_LINE = 'user default off ~* +@all';

/**
 * Renders users.acl. The default user is switched off so that only the
 * spec's users (the control plane's admin first) can connect, and only
 * password hashes reach the disk.
 */
export function renderAclFile(users: DriverAclUser[]): string {
  const lines = [DEFAULT_USER_LINE];
  for (const user of users) {
    if (!USERNAME_PATTERN.test(user.username) || user.username === 'default') {
      throw new InputError(`Invalid ACL username "${user.username}"`);
    }
    if (/[\r\n]/.test(user.rules) || /(^|\s)[>#<!]/.test(user.rules)) {
      // Passwords travel in `password`, never in rules, so they stay hashed.
      throw new InputError(
        `ACL rules of "${user.username}" must not contain line breaks or passwords`,
      );
    }
    const rules = user.rules.trim().split(/\s+/).filter(Boolean).join(' ');
    lines.push(
      `user ${user.username} on ${passwordRules(user)}${
        rules ? ` ${rules}` : ''
      }`,
    );
  }
  return `${lines.join('\n')}\n`;
}
