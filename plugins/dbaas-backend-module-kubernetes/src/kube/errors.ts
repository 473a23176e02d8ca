import { NotAllowedError } from '@backstage/errors';
import { ApiException } from '@kubernetes/client-node';
import {
  PlatformRejectedError,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';

/** The `Status` the API server answers a failure with, as far as it is read here. */
export interface KubeStatus {
  code?: number;
  reason?: string;
  message?: string;
  details?: {
    causes?: Array<{ field?: string; message?: string }>;
    retryAfterSeconds?: number;
  };
}

export function statusOf(error: unknown): KubeStatus | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const body = error.body as unknown;
  if (typeof body === 'string') {
    try {
      return { code: error.code, ...JSON.parse(body) };
    } catch {
      return { code: error.code, message: body.slice(0, 300) };
    }
  }
  if (body && typeof body === 'object')
    return { code: error.code, ...(body as KubeStatus) };
  return { code: error.code };
}

export const isNotFound = (error: unknown) => statusOf(error)?.code === 404;

/**
 * A failed call in Kubernetes' words, as the error the control plane acts
 * on: a refused object (400, 422) or missing rights (401, 403) fail the
 * operation at once; throttling (429), conflicts (409), server errors
 * and no answer at all are worth a retry.
 */
export function toDriverError(error: unknown, doing: string): Error {
  const status = statusOf(error);
  if (!status) {
    return new PlatformUnavailableError(
      `Kubernetes did not answer while ${doing}: ${
        (error as Error)?.message ?? error
      }`,
    );
  }
  const reason = status.reason ? `${status.reason}: ` : '';
  const text = `Kubernetes answered ${status.code} while ${doing}: ${reason}${
    status.message ?? ''
  }`;
  switch (status.code) {
    case 400:
    case 422:
      return new PlatformRejectedError(text);
    case 401:
    case 403:
      return new NotAllowedError(text);
    case 429: {
      const wait =
        status.details?.retryAfterSeconds ??
        Number((error as ApiException<unknown>).headers?.['retry-after']);
      return new PlatformUnavailableError(
        `${text}${wait ? ` (retry after ${wait}s)` : ''}`,
      );
    }
    default:
      return new PlatformUnavailableError(text);
  }
}
