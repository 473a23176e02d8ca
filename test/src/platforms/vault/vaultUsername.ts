import { randomInt } from 'node:crypto';

const ALPHANUMERIC =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Vault's credsutil keeps each part to this many characters (the plugin's maxKeyLength). */
const MAX_PART = 64;

function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(62)];
  return out;
}

/**
 * A dynamic user's name as Vault's Redis plugin makes it: credsutil's
 * `v_<display name>_<role>_<20 random>_<unix time>`, upper-cased by the
 * plugin, e.g. V_TOKEN_MY-REDIS-ADMIN-ROLE_YASUQUF3GVVD0ZWTEMK4_1608481717.
 */
export function vaultRedisUsername(displayName: string, roleName: string) {
  return [
    'v',
    displayName.slice(0, MAX_PART),
    roleName.slice(0, MAX_PART),
    randomAlphanumeric(20),
    String(Math.floor(Date.now() / 1000)),
  ]
    .filter(Boolean)
    .join('_')
    .toUpperCase();
}

/** A password as Vault's default password policy makes them: 20 characters. */
export function vaultPassword(): string {
  return `${randomAlphanumeric(18)}-${randomAlphanumeric(1)}`;
}
