import {
  AclAccess,
  aclAccessProblem,
  AclPreset,
  aclRulesOf,
  AclUser,
  parseAclRules,
} from '@justmanage/plugin-dbaas-common';

/** A user's access as the form holds it: key patterns and rules as typed. */
export interface AccessDraft {
  preset: AclPreset;
  /** Key patterns separated by spaces; empty for every key. */
  keys: string;
  /** A custom user's rules, without the `-@admin` every user gets. */
  rules: string;
}

export const NEW_USER_ACCESS: AccessDraft = {
  preset: 'read-only',
  keys: '',
  rules: '',
};

// aclRulesOf appends it to every user's rules; editing must not add it twice
const ADMIN_DENIED = /\s*-@admin$/;

/** The form's draft of an existing user's access. */
export function draftOf(user: AclUser): AccessDraft {
  return user.preset === 'custom'
    ? {
        preset: 'custom',
        keys: '',
        rules: user.rules.replace(ADMIN_DENIED, ''),
      }
    : { preset: user.preset, keys: user.keys.join(' '), rules: '' };
}

/** The access the API is sent: keys for a preset, rules for custom. */
export function accessOf(draft: AccessDraft): AclAccess {
  if (draft.preset === 'custom') {
    return { preset: 'custom', rules: draft.rules };
  }
  const keys = draft.keys.split(/\s+/).filter(Boolean);
  return keys.length
    ? { preset: draft.preset, keys }
    : { preset: draft.preset };
}

/**
 * What is wrong with the keys or the rules, by field, in the API's words
 * (the same checks from dbaas-common), so nothing it refuses is sent.
 */
export function accessProblems(draft: AccessDraft): {
  keys?: string;
  rules?: string;
} {
  if (draft.preset === 'custom') {
    const parsed = parseAclRules(draft.rules);
    return parsed.ok ? {} : { rules: parsed.problem };
  }
  const problem = aclAccessProblem(accessOf(draft));
  return problem ? { keys: problem.replace(/^keys: /, '') } : {};
}

/** The ACL rules the user would get, or undefined while the draft is wrong. */
export function effectiveRules(draft: AccessDraft): string | undefined {
  const problems = accessProblems(draft);
  return problems.keys || problems.rules
    ? undefined
    : aclRulesOf(accessOf(draft));
}
