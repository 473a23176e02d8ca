import {
  aclPresetInfo,
  AclPreset,
  AclUser,
} from '@justmanage/plugin-dbaas-common';
import { formatTimeAgo } from '../formatTimeAgo';

/** "Read-only", or "Custom rules" for a user with its own. */
export function presetTitle(preset: AclPreset): string {
  return aclPresetInfo(preset)?.title ?? 'Custom rules';
}

/** The key patterns of a preset user, in the words of the table. */
export function keysText(user: AclUser): string {
  if (user.preset === 'custom') return 'in its rules';
  return user.keys.length ? user.keys.join(' ') : 'every key';
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "in 3 hours": when a rotation's old password goes, to the nearest unit. */
function formatTimeUntil(iso: string, now: number): string {
  const seconds = Math.max(0, (new Date(iso).getTime() - now) / 1000);
  if (seconds >= 86_400)
    return relative.format(Math.round(seconds / 86_400), 'day');
  if (seconds >= 3_600)
    return relative.format(Math.round(seconds / 3_600), 'hour');
  return relative.format(Math.ceil(seconds / 60), 'minute');
}

/**
 * How old each password is: the current one, and during a rotation the
 * one that still works until it retires.
 */
export function passwordAges(
  user: AclUser,
  now: number = Date.now(),
): string[] {
  return user.passwords.map(p =>
    p.retiresAt
      ? `previous set ${formatTimeAgo(
          p.createdAt,
          now,
        )}, retires ${formatTimeUntil(p.retiresAt, now)}`
      : `set ${formatTimeAgo(p.createdAt, now)}`,
  );
}

/** What a user change is, as the card follows it. */
export type UserAction = 'create' | 'update' | 'delete';

/** What the card says while a change runs, once it is done, and if not. */
export function changeText(action: UserAction, username: string) {
  switch (action) {
    case 'create':
      return {
        running: `Creating ${username} on every node…`,
        succeeded: `${username} can log in on every node.`,
        failed: `Creating ${username} failed`,
      };
    case 'update':
      return {
        running: `Giving ${username} its new access on every node…`,
        succeeded: `${username} has its new access on every node; its open sessions follow it.`,
        failed: `Changing the access of ${username} failed, and it was put back`,
      };
    default:
      return {
        running: `Revoking ${username} on every node…`,
        succeeded: `${username} was revoked: it is gone from every node and its sessions were closed.`,
        failed: `Revoking ${username} did not reach every node`,
      };
  }
}
