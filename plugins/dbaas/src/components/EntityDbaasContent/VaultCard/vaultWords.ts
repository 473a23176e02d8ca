import { ACL_PRESETS, AclPresetInfo } from '@justmanage/plugin-dbaas-common';
import type { VaultStatus } from '@justmanage/plugin-dbaas-common';
import { formatMoment, formatTimeUntil } from '../UsersCard/userWords';
import { messageOf } from '../UpgradePolicyCard/messageOf';

/** What each registration state means to someone who wants credentials. */
export const STATUS_TEXT: Record<VaultStatus['status'], string> = {
  pending:
    'Not registered with Vault yet: the product tries again every few seconds.',
  registered: 'Registered: Vault issues credentials for this instance.',
  removing: 'Being removed from Vault.',
  unregistered: 'Not registered with Vault.',
};

/** The presets Vault has a role for: the backend names each role after its preset. */
export function issuablePresets(roles: string[]): AclPresetInfo[] {
  return ACL_PRESETS.filter(preset => roles.includes(preset.id));
}

/** "Read-only" for a preset's role; any other role by its name. */
export function roleTitle(role: string): string {
  return ACL_PRESETS.find(preset => preset.id === role)?.title ?? role;
}

/** "Sun 6 Dec 05:02 UTC (in 60 minutes)". */
export function expiryText(expiresAt: string, now: number = Date.now()) {
  return `${formatMoment(expiresAt)} (${formatTimeUntil(expiresAt, now)})`;
}

/**
 * The backend's words, with what a 403 or a 503 means for the person
 * looking at the card: only owners act, and a Vault that cannot answer
 * stops Vault's credentials only.
 */
export function vaultErrorText(error: unknown): string {
  const status = (error as { statusCode?: number }).statusCode;
  const message = messageOf(error);
  if (status === 403) {
    return `Only the instance's owners may do this. The backend said: ${message}`;
  }
  if (status === 503) {
    return `Vault cannot answer, so no credentials can be issued or changed now; users already issued keep working. ${message}`;
  }
  return message;
}
