import {
  aclPasswordHash,
  DriverAclUser,
  DriverInstanceSpec,
} from '@justmanage/plugin-dbaas-node';
import {
  AclUser,
  aclRulesOf,
  APP_USERNAME,
} from '@justmanage/plugin-dbaas-common';
import { Credential } from '../database/CredentialStore';
import { NewAclUser } from '../users/AclUserStore';
import { generatePassword } from '../crypto/SecretBox';

/** The control plane's own user: health checks and admin commands. */
export const ADMIN_USERNAME = 'jm-admin';
const ADMIN_RULES = '~* &* +@all';

export function newAdminCredential(): Credential {
  return {
    username: ADMIN_USERNAME,
    role: 'admin',
    password: generatePassword(),
  };
}

/**
 * The instance's default application user, made with it: every command
 * but the ones that reconfigure or stop the server, which belong to the
 * control plane.
 */
export function defaultAppUser(createdBy: string): NewAclUser {
  return {
    username: APP_USERNAME,
    preset: 'full',
    keys: [],
    rules: aclRulesOf({ preset: 'full' }),
    managedBy: 'product',
    isDefault: true,
    createdBy,
  };
}

/**
 * Admin first: drivers use the first user for their own commands. Hashes
 * only; a user in a rotation's grace period has two.
 */
export function toAclUsers(
  admin: Credential,
  users: Array<AclUser & { hashes: string[] }>,
): DriverAclUser[] {
  return [
    {
      username: admin.username,
      passwordHashes: [aclPasswordHash(admin.password)],
      rules: ADMIN_RULES,
    },
    ...users.map(user => ({
      username: user.username,
      passwordHashes: user.hashes,
      rules: user.rules,
    })),
  ];
}

/**
 * The admin login as drivers get it: the name, and the password behind a
 * reveal, which only replication and live changes need.
 */
export function adminSecretOf(admin: Credential): DriverInstanceSpec['admin'] {
  return {
    username: admin.username,
    password: { ref: admin.username, reveal: async () => admin.password },
  };
}
