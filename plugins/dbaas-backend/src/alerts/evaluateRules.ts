import type {
  AlertRuleName,
  AlertRules,
  Instance,
  MetricSnapshot,
} from '@justmanage/plugin-dbaas-common';

/** What the rules are evaluated on: the freshest facts about one instance. */
export interface AlertInputs {
  instance: Instance;
  up: boolean;
  consecutiveFailures: number;
  /** Why the last check failed. */
  error?: string;
  /** used_memory seen by the last health check. */
  usedMemoryBytes?: number;
  /** The collector's latest values, only when recent enough to judge by. */
  metrics?: MetricSnapshot;
  /** Replicas the primary reports online, for replicated instances. */
  replication?: { expected: number; online: number };
}

/** A rule's verdict; a rule without one leaves its alert as it is. */
export interface RuleOutcome {
  firing: boolean;
  message: string;
  value?: number;
  threshold?: number;
}

const MIB = 1024 * 1024;

const round = (n: number) => Math.round(n * 10) / 10;

function memory(
  rules: AlertRules,
  input: AlertInputs,
): RuleOutcome | undefined {
  const { enabled, thresholdPercent: threshold } = rules.memory;
  if (!enabled) return { firing: false, message: 'memory rule turned off' };
  if (!input.up) return undefined;
  const used = input.metrics?.values.memory_used_bytes ?? input.usedMemoryBytes;
  const max =
    input.metrics?.values.memory_max_bytes ||
    input.instance.resources.memoryMb * MIB;
  if (used === undefined || !(max > 0)) return undefined;
  const value = round((100 * used) / max);
  return {
    firing: value >= threshold,
    value,
    threshold,
    message: `memory at ${value} % of maxmemory (threshold ${threshold} %)`,
  };
}

/**
 * CPU as a share of what the instance may use: its allotted cores, but at
 * most one, since Redis executes commands on a single thread.
 */
function cpu(rules: AlertRules, input: AlertInputs): RuleOutcome | undefined {
  const { enabled, thresholdPercent: threshold } = rules.cpu;
  if (!enabled) return { firing: false, message: 'CPU rule turned off' };
  const percentOfCore = input.metrics?.values.cpu_percent;
  if (!input.up || percentOfCore === undefined) return undefined;
  const cores = Math.min(input.instance.resources.cpu, 1);
  const value = round(percentOfCore / cores);
  return {
    firing: value >= threshold,
    value,
    threshold,
    message: `CPU at ${value} % of its allowance (threshold ${threshold} %)`,
  };
}

function evictions(
  rules: AlertRules,
  input: AlertInputs,
): RuleOutcome | undefined {
  const { enabled, thresholdPerSecond: threshold } = rules.evictions;
  if (!enabled) return { firing: false, message: 'evictions rule turned off' };
  const rate = input.metrics?.values.evictions_per_sec;
  if (!input.up || rate === undefined) return undefined;
  const value = round(rate);
  return {
    firing: rate > threshold,
    value,
    threshold,
    message: `evicting ${value} keys/s (threshold ${threshold} keys/s)`,
  };
}

function down(rules: AlertRules, input: AlertInputs): RuleOutcome {
  const { enabled, consecutiveChecks: threshold } = rules.down;
  if (!enabled) return { firing: false, message: 'down rule turned off' };
  const value = input.consecutiveFailures;
  return {
    firing: value >= threshold,
    value,
    threshold,
    message:
      value > 0
        ? `down for ${value} health checks in a row${
            input.error ? `: ${input.error}` : ''
          }`
        : 'answering health checks',
  };
}

function replication(
  rules: AlertRules,
  input: AlertInputs,
): RuleOutcome | undefined {
  if (!rules.replication.enabled) {
    return { firing: false, message: 'replication rule turned off' };
  }
  if (input.instance.replicas === 0) {
    return { firing: false, message: 'no replicas to follow the primary' };
  }
  if (!input.up || !input.replication) return undefined;
  const { expected, online } = input.replication;
  return {
    firing: online < expected,
    value: online,
    threshold: expected,
    message: `${online} of ${expected} replicas linked to the primary`,
  };
}

/** Every rule's verdict on one instance; rules without one are left out. */
export function evaluateRules(
  rules: AlertRules,
  input: AlertInputs,
): Partial<Record<AlertRuleName, RuleOutcome>> {
  const verdicts: Partial<Record<AlertRuleName, RuleOutcome | undefined>> = {
    memory: memory(rules, input),
    cpu: cpu(rules, input),
    evictions: evictions(rules, input),
    down: down(rules, input),
    replication: replication(rules, input),
  };
  return Object.fromEntries(
    Object.entries(verdicts).filter(([, outcome]) => outcome !== undefined),
  );
}
