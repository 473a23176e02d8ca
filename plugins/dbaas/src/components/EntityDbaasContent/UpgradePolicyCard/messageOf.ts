/**
 * The backend's own words for a failed request ("windows.0: Unknown day
 * ..."), without ResponseError's "Request failed with 400" prefix.
 */
export function messageOf(error: unknown): string {
  const body = (error as { body?: { error?: { message?: string } } }).body;
  return body?.error?.message ?? (error as Error).message;
}
