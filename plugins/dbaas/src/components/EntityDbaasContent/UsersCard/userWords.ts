import {
  aclPresetInfo,
  AclPreset,
  AclUser,
} from '@justmanage/plugin-dbaas-common';
import { DateTime } from 'luxon';
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

/** "in 3 hours": how long until a moment, to the nearest unit. */
export function formatTimeUntil(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, (new Date(iso).getTime() - now) / 1000);
  if (seconds >= 86_400)
    return relative.format(Math.round(seconds / 86_400), 'day');
  if (seconds >= 3_600)
    return relative.format(Math.round(seconds / 3_600), 'hour');
  return relative.format(Math.ceil(seconds / 60), 'minute');
}

/** "Sat 5 Dec 14:02 UTC": a moment in the viewer's zone, as the upgrade policy writes it. */
export function formatMoment(at: string | number): string {
  const when =
    typeof at === 'number' ? DateTime.fromMillis(at) : DateTime.fromISO(at);
  return when.toFormat('ccc d LLL HH:mm ZZZZ');
}

/** One line of the Password column; its title says more. */
export interface PasswordLine {
  text: string;
  title: string;
}

/**
 * The user's passwords: how old the current one is, and during a rotation
 * until when the old one still works, or that it is being removed once
 * that moment has passed (the retirement runs every 15 seconds, later if
 * the instance is busy).
 */
export function passwordLines(
  user: AclUser,
  now: number = Date.now(),
): PasswordLine[] {
  const current = user.passwords.filter(p => !p.retiresAt);
  const old = user.passwords.filter(p => p.retiresAt);
  return [
    ...current.map(p => ({
      text: `set ${formatTimeAgo(p.createdAt, now)}`,
      title: new Date(p.createdAt).toLocaleString(),
    })),
    ...old.map(p => {
      const retiresAt = p.retiresAt!;
      const title = `old password set ${formatTimeAgo(p.createdAt, now)}`;
      return new Date(retiresAt).getTime() > now
        ? {
            text: `old password works until ${formatMoment(
              retiresAt,
            )} (${formatTimeUntil(retiresAt, now)})`,
            title,
          }
        : { text: 'old password being removed from every node', title };
    }),
  ];
}

/** What a user change is, as the card follows it. */
export type UserAction = 'create' | 'update' | 'rotate' | 'delete';

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
    case 'rotate':
      return {
        running: `Setting the new password of ${username} on every node…`,
        succeeded: `The new password of ${username} works on every node; the old one too until it retires, and open sessions stay connected.`,
        failed: `Rotating the password of ${username} failed, and its old password was kept`,
      };
    default:
      return {
        running: `Revoking ${username} on every node…`,
        succeeded: `${username} was revoked: it is gone from every node and its sessions were closed.`,
        failed: `Revoking ${username} did not reach every node`,
      };
  }
}
