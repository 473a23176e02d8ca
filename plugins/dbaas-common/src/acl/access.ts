import type { AclPreset } from '../generated';
import { aclPresetInfo } from './presets';
import { parseAclRules } from './parseAclRules';

/** What a user may do: a preset over some keys, or custom rules. @public */
export interface AclAccess {
  preset: AclPreset;
  /** Key patterns for a preset; every key when absent. */
  keys?: string[];
  /** The rules of a custom user. */
  rules?: string;
}

/** What is wrong with `access`, as "field: rule", or undefined. @public */
export function aclAccessProblem(access: AclAccess): string | undefined {
  if (access.preset === 'custom') {
    if (access.keys?.length) {
      return 'keys: a custom user names its keys in its rules (~pattern)';
    }
    const parsed = parseAclRules(access.rules ?? '');
    return parsed.ok ? undefined : `rules: ${parsed.problem}`;
  }
  if (access.rules !== undefined) {
    return `rules: only a custom user has rules; ${access.preset} has its own`;
  }
  for (const key of access.keys ?? []) {
    if (!key || /\s/.test(key)) {
      return `keys: '${key}' must be a pattern without spaces, e.g. app:*`;
    }
  }
  return undefined;
}

/**
 * The ACL rules a user gets, after its passwords: keys, channels, then
 * commands, and `-@admin` last for every user, custom ones included.
 * @public
 */
export function aclRulesOf(access: AclAccess): string {
  if (access.preset === 'custom') {
    return `${(access.rules ?? '').trim().split(/\s+/).join(' ')} -@admin`;
  }
  const info = aclPresetInfo(access.preset)!;
  const keys = (access.keys?.length ? access.keys : ['*'])
    .map(k => `~${k}`)
    .join(' ');
  return `${keys} &* ${info.commands} -@admin`;
}
