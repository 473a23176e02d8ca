import { InputError } from '@backstage/errors';
import { aclRulesForEngine, Engine } from '@justmanage/plugin-dbaas-common';
import { DriverAclUser } from '@justmanage/plugin-dbaas-node';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
const PASSWORD_HASH = /^[0-9a-f]{64}$/;

/**
 * The default user is off so only the spec's users log in; it keeps +@all
 * because Valkey 8.0 and Redis 7.2 replay MULTI/EXEC from the AOF as the
 * default user and drop what it may not run.
 */
const DEFAULT_USER_LINE = 'user default off ~* +@all';

/**
 * The users.acl a node starts with: password hashes only (`#<sha256>`),
 * which is all that reaches the Nomad Variable and the client's disk.
 */
export function renderAclFile(
  users: DriverAclUser[],
  engine: Engine,
  version: string,
): string {
  const lines = [DEFAULT_USER_LINE];
  for (const user of users) {
    if (!USERNAME.test(user.username) || user.username === 'default') {
      throw new InputError(`Invalid ACL username "${user.username}"`);
    }
    if (
      !user.passwordHashes.length ||
      user.passwordHashes.some(h => !PASSWORD_HASH.test(h))
    ) {
      throw new InputError(
        `ACL user "${user.username}" needs SHA-256 password hashes`,
      );
    }
    if (/[\r\n]/.test(user.rules) || /(^|\s)[>#<!]/.test(user.rules)) {
      throw new InputError(
        `ACL rules of "${user.username}" must not contain line breaks or passwords`,
      );
    }
    const rules = aclRulesForEngine(engine, version, user.rules)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
    const passwords = user.passwordHashes.map(h => `#${h}`).join(' ');
    lines.push(
      `user ${user.username} on ${passwords}${rules ? ` ${rules}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
