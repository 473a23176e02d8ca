import { isNotFoundError } from './isNotFoundError';

/**
 * For the reads whose 404 means "nothing yet" (the latest key scan before
 * the first scan), so that callers show an empty state instead of an error.
 */
export async function undefinedOn404<T>(
  request: Promise<T>,
): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}
