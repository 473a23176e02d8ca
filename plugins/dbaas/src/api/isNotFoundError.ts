import { isError } from '@backstage/errors';

/**
 * A 404 from the backend: a deleted instance, or a report not made yet,
 * which the UI shows as an empty state rather than as a failure. Checked
 * by name, not instanceof, since the app may bundle two copies of
 * @backstage/errors.
 */
export function isNotFoundError(error: unknown): boolean {
  return (
    isError(error) &&
    error.name === 'ResponseError' &&
    (error as Error & { statusCode?: number }).statusCode === 404
  );
}
