import { ServiceUnavailableError } from '@backstage/errors';

/**
 * An S3 failure as one line naming the store and S3's own reason (its error
 * code and message, e.g. `SignatureDoesNotMatch`), for the operation's
 * error and the logs. The SDK's errors carry no credentials, and neither
 * does this. It is a 503: the store failed the request, not the caller.
 */
export function s3StoreError(
  error: unknown,
  location: string,
  action: string,
): Error {
  const { name, message, code } = error as Error & { code?: string };
  const reason =
    name && name !== 'Error'
      ? `${name}: ${message}`
      : `${code ? `${code}: ` : ''}${message}`;
  return new ServiceUnavailableError(
    `S3 backup store ${location} could not ${action}: ${reason}`,
  );
}
