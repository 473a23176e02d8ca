import {
  aclPasswordHash,
  DriverAclUser,
  DriverInstanceSpec,
} from '@justmanage/plugin-dbaas-node';
import { Credential } from '../database/CredentialStore';
import { generatePassword } from '../crypto/SecretBox';

/** The control plane's own user: health checks and admin commands. */
export const ADMIN_USERNAME = 'jm-admin';
/** The instance's default application user, shown on the connection endpoint. */
export const APP_USERNAME = 'app';

const RULES: Record<Credential['role'], string> = {
  admin: '~* &* +@all',
  // Applications get data commands but not the ones that reconfigure or
  // stop the server, which belong to the control plane.
  app: '~* &* +@all -@admin',
};

export function newInstanceCredentials(): Credential[] {
  return [
    { username: ADMIN_USERNAME, role: 'admin', password: generatePassword() },
    { username: APP_USERNAME, role: 'app', password: generatePassword() },
  ];
}

/** Admin first: drivers use the first user for their own commands. Hashes only. */
export function toAclUsers(credentials: Credential[]): DriverAclUser[] {
  const adminFirst = [
    ...credentials.filter(c => c.role === 'admin'),
    ...credentials.filter(c => c.role !== 'admin'),
  ];
  return adminFirst.map(c => ({
    username: c.username,
    passwordHashes: [aclPasswordHash(c.password)],
    rules: RULES[c.role],
  }));
}

/**
 * The admin login as drivers get it: the name, and the password behind a
 * reveal, which only replication and live changes need.
 */
export function adminSecretOf(
  credentials: Credential[],
): DriverInstanceSpec['admin'] {
  const admin = credentials.find(c => c.role === 'admin');
  if (!admin) throw new Error('The instance has no admin credentials');
  return {
    username: admin.username,
    password: { ref: admin.username, reveal: async () => admin.password },
  };
}
