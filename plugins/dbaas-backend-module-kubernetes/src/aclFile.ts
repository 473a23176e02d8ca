import { createHash, createHmac } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { aclRulesForEngine, Engine } from '@justmanage/plugin-dbaas-common';
import { DriverAclUser } from '@justmanage/plugin-dbaas-node';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
const PASSWORD_HASH = /^[0-9a-f]{64}$/;

/** The user the pod's probes log in as: it may run PING and nothing else. */
export const HEALTH_USER = 'jm-health';

/**
 * Off, so only the spec's users log in; +@all because Valkey 8.0 and
 * Redis 7.2 replay MULTI/EXEC from the AOF as the default user.
 */
const DEFAULT_USER_LINE = 'user default off ~* +@all';

/**
 * The probes' password. It is the one plain password in the Secret, so
 * it opens nothing but PING; derived from the admin password, it stays
 * the same across applies (no needless change to the Secret) and changes
 * when the admin password is rotated.
 */
export function healthPassword(
  adminPassword: string,
  instanceId: string,
): string {
  return createHmac('sha256', adminPassword)
    .update(`health:${instanceId}`)
    .digest('base64url');
}

/** users.acl: password hashes only (`#<sha256>`). */
export function renderAclFile(
  users: DriverAclUser[],
  engine: Engine,
  version: string,
  health: string,
): string {
  const lines = [DEFAULT_USER_LINE];
  for (const user of users) {
    if (
      !USERNAME.test(user.username) ||
      ['default', HEALTH_USER].includes(user.username)
    ) {
      throw new InputError(
        `users: "${user.username}" is not a username the kubernetes driver can give out`,
      );
    }
    if (
      !user.passwordHashes.length ||
      user.passwordHashes.some(h => !PASSWORD_HASH.test(h))
    ) {
      throw new InputError(
        `users: "${user.username}" needs SHA-256 password hashes`,
      );
    }
    if (/[\r\n]/.test(user.rules) || /(^|\s)[>#<!]/.test(user.rules)) {
      throw new InputError(
        `users: the rules of "${user.username}" must not hold line breaks or passwords`,
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
  const healthHash = createHash('sha256').update(health).digest('hex');
  lines.push(`user ${HEALTH_USER} on #${healthHash} -@all +ping`);
  return `${lines.join('\n')}\n`;
}
