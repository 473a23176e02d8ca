import { Operation } from '../harness';

/**
 * An operation as tests compare it: status, each step's outcome and
 * attempts, and the warnings of its log, which say why a step was retried.
 */
export function operationSummary(op: Operation) {
  return {
    status: op.status,
    steps: op.steps.map(s => ({
      name: s.name,
      status: s.status,
      attempts: s.attempts,
    })),
    warnings: op.log.filter(l => l.level !== 'info').map(l => l.message),
  };
}

/** The summary of a succeeded operation without warnings; attempts per step default to 1. */
export function succeededSummary(
  steps: string[],
  attempts: (step: string) => number = () => 1,
): ReturnType<typeof operationSummary> {
  return {
    status: 'succeeded',
    steps: steps.map(name => ({
      name,
      status: 'succeeded',
      attempts: attempts(name),
    })),
    warnings: [],
  };
}
