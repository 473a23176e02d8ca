import type { AlertRuleName } from '@justmanage/plugin-dbaas-common';

/** How each rule shows in the form: its name and its one number, if any. */
export interface RuleField {
  rule: AlertRuleName;
  title: string;
  threshold?: { field: string; label: string; explain: string };
}

export const RULE_FIELDS: RuleField[] = [
  {
    rule: 'memory',
    title: 'Memory',
    threshold: {
      field: 'thresholdPercent',
      label: 'Memory threshold (%)',
      explain: 'fires at or above this share of maxmemory',
    },
  },
  {
    rule: 'cpu',
    title: 'CPU',
    threshold: {
      field: 'thresholdPercent',
      label: 'CPU threshold (%)',
      explain: 'fires at or above this share of its cores (at most one)',
    },
  },
  {
    rule: 'evictions',
    title: 'Evictions',
    threshold: {
      field: 'thresholdPerSecond',
      label: 'Evictions threshold (keys/s)',
      explain: 'fires when more keys than this are evicted per second',
    },
  },
  {
    rule: 'down',
    title: 'Down',
    threshold: {
      field: 'consecutiveChecks',
      label: 'Failed checks in a row',
      explain: 'fires after this many failed health checks in a row',
    },
  },
  { rule: 'replication', title: 'Replication link' },
];
