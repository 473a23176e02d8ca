import { CustomErrorBase } from '@backstage/errors';

/**
 * The platform refused the request and will refuse it again: a spec it
 * cannot run, a quota, a name it reserves. The operation fails at once
 * with this message; retrying would only delay the answer.
 * @public
 */
export class PlatformRejectedError extends CustomErrorBase {
  name = 'PlatformRejectedError' as const;
}

/**
 * The platform could not do it now: a timeout, a 503, a lost connection,
 * a node that is still loading. The operation retries the step with
 * backoff and shows this message meanwhile.
 * @public
 */
export class PlatformUnavailableError extends CustomErrorBase {
  name = 'PlatformUnavailableError' as const;
}

const FINAL_NAMES = new Set([
  'PlatformRejectedError',
  // Backstage's own errors that mean "the request is wrong"
  'InputError',
  'NotAllowedError',
]);

/**
 * Whether a driver error is final (no retry) or worth another attempt.
 * Errors a driver did not classify count as worth a retry, as a platform
 * that answered strangely may well answer properly next time.
 * @public
 */
export function isFinalDriverError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    FINAL_NAMES.has((error as Error).name)
  );
}
