import type { AlertRules, AlertRulesPatch } from './generated';
/** The alert rules every instance has. @public */
export const ALERT_RULE_NAMES = [
  'memory',
  'cpu',
  'evictions',
  'down',
  'replication',
] as const;

/** @public */
export type AlertRuleName = (typeof ALERT_RULE_NAMES)[number];

/** @public */
export const DEFAULT_ALERT_RULES: AlertRules = {
  memory: { enabled: true, thresholdPercent: 80 },
  cpu: { enabled: true, thresholdPercent: 80 },
  evictions: { enabled: true, thresholdPerSecond: 0 },
  down: { enabled: true, consecutiveChecks: 2 },
  replication: { enabled: true },
};

/** Bounds of the numeric settings, by `rule.field`. @public */
export const ALERT_THRESHOLD_LIMITS: Record<
  string,
  { min: number; max: number; integer?: boolean }
> = {
  'memory.thresholdPercent': { min: 1, max: 100 },
  'cpu.thresholdPercent': { min: 1, max: 100 },
  'evictions.thresholdPerSecond': { min: 0, max: 1_000_000 },
  'down.consecutiveChecks': { min: 1, max: 100, integer: true },
};

/** A field of an alert-rules request and what is wrong with it. @public */
export interface AlertRuleProblem {
  field: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(
  rule: AlertRuleName,
  field: string,
  value: unknown,
): string | undefined {
  const known = Object.keys(DEFAULT_ALERT_RULES[rule]);
  if (!known.includes(field)) {
    return `is not a setting of the ${rule} rule (known: ${known.join(', ')})`;
  }
  if (field === 'enabled') {
    return typeof value === 'boolean' ? undefined : 'must be true or false';
  }
  const limits = ALERT_THRESHOLD_LIMITS[`${rule}.${field}`];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return 'must be a number';
  }
  if (limits.integer && !Number.isInteger(value)) {
    return 'must be a whole number';
  }
  if (value < limits.min || value > limits.max) {
    return `must be between ${limits.min} and ${limits.max}`;
  }
  return undefined;
}

/** Every problem of an alert-rules request, each naming its field. @public */
export function validateAlertRulesPatch(input: unknown): AlertRuleProblem[] {
  if (!isRecord(input)) {
    return [{ field: 'body', message: 'must be an object of rules' }];
  }
  const problems: AlertRuleProblem[] = [];
  for (const [rule, settings] of Object.entries(input)) {
    if (!(ALERT_RULE_NAMES as readonly string[]).includes(rule)) {
      problems.push({
        field: rule,
        message: `is not an alert rule (known: ${ALERT_RULE_NAMES.join(', ')})`,
      });
    } else if (!isRecord(settings)) {
      problems.push({ field: rule, message: 'must be an object' });
    } else {
      for (const [field, value] of Object.entries(settings)) {
        const message = checkField(rule as AlertRuleName, field, value);
        if (message) problems.push({ field: `${rule}.${field}`, message });
      }
    }
  }
  return problems;
}

/** The rules in force: the defaults with the instance's changes on top. @public */
export function mergeAlertRules(
  defaults: AlertRules,
  patch: AlertRulesPatch,
): AlertRules {
  const merged = { ...defaults } as Record<AlertRuleName, object>;
  for (const rule of ALERT_RULE_NAMES) {
    merged[rule] = { ...defaults[rule], ...patch[rule] };
  }
  return merged as AlertRules;
}

/** @public */
export type AlertState = 'firing' | 'resolved';

