import {
  ALERT_RULE_NAMES,
  AlertRules,
  AlertRulesPatch,
  validateAlertRulesPatch,
} from '@justmanage/plugin-dbaas-common';

/** The form's state: every setting, numbers as typed. */
export type RulesDraft = Record<string, Record<string, boolean | string>>;

export function toDraft(rules: AlertRules): RulesDraft {
  const draft: RulesDraft = {};
  for (const rule of ALERT_RULE_NAMES) {
    draft[rule] = Object.fromEntries(
      Object.entries(rules[rule]).map(([field, value]) => [
        field,
        typeof value === 'number' ? String(value) : value,
      ]),
    );
  }
  return draft;
}

/** An emptied field is no number, not the 0 that Number('') makes of it. */
function asNumber(typed: string): number {
  return typed.trim() === '' ? NaN : Number(typed);
}

/**
 * What differs from the defaults, which is what the instance stores; a
 * setting put back to its default follows the default again.
 */
export function toOverrides(
  draft: RulesDraft,
  defaults: AlertRules,
): AlertRulesPatch {
  const patch: Record<string, Record<string, unknown>> = {};
  for (const rule of ALERT_RULE_NAMES) {
    const base = defaults[rule] as Record<string, unknown>;
    for (const [field, typed] of Object.entries(draft[rule])) {
      const value = typeof typed === 'string' ? asNumber(typed) : typed;
      if (value !== base[field]) {
        patch[rule] = { ...patch[rule], [field]: value };
      }
    }
  }
  return patch as AlertRulesPatch;
}

/** Problems by `rule.field`, as the backend would name them. */
export function problemsOf(patch: AlertRulesPatch): Record<string, string> {
  return Object.fromEntries(
    validateAlertRulesPatch(patch).map(p => [p.field, p.message]),
  );
}
