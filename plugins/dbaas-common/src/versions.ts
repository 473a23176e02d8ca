import type { Severity } from './generated';

/** @public */
export const SEVERITIES: readonly Severity[] = [
  'low',
  'medium',
  'high',
  'critical',
];

