import { CustomErrorBase } from '@backstage/errors';

/**
 * A step that stopped on purpose, e.g. a key scan that stopped because the
 * instance got slow: running it again at once would do the same harm, so
 * the operation fails without the retries a failing step gets.
 */
export class StepStoppedError extends CustomErrorBase {
  name = 'StepStoppedError' as const;
}

/** A user cancelled the operation; its message says who. */
export class OperationCancelledError extends CustomErrorBase {
  name = 'OperationCancelledError' as const;
}

const FINAL = new Set<string>([
  StepStoppedError.name,
  OperationCancelledError.name,
]);

/** Whether the error ends the operation at once, without retries. */
export function isFinalError(error: Error): boolean {
  return FINAL.has(error.name);
}
