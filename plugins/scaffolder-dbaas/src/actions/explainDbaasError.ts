import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';

/**
 * Turns an error response of the dbaas API into the matching Backstage error
 * with the API's own explanation, so the task log says "Deleting instance
 * x: you may not ..." instead of "Request failed with 403 Forbidden".
 */
export function explainDbaasError(error: unknown, doing: string): unknown {
  if (!(error instanceof ResponseError)) {
    return error;
  }
  const message = `${doing}: ${error.cause.message || error.message}`;
  switch (error.statusCode) {
    case 400:
      return new InputError(message, error);
    case 403:
      return new NotAllowedError(message, error);
    case 404:
      return new NotFoundError(message, error);
    case 409:
      return new ConflictError(message, error);
    default:
      return error;
  }
}

/** Runs a call to the dbaas API, explaining its error response. */
export async function callDbaas<T>(
  doing: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainDbaasError(error, doing);
  }
}
