import { KubeApiError } from './api/status';

/**
 * Failures to inject: every request answered with an error status, as an
 * API server behind a failing load balancer (500, 503) or one throttling
 * (429 with Retry-After) answers.
 */
export class KubeFaults {
  #failure?: KubeApiError;

  failRequests(fault: {
    status: number;
    reason?: string;
    message?: string;
    retryAfterSeconds?: number;
  }): () => void {
    const failure = new KubeApiError(
      fault.status,
      fault.reason ??
        (fault.status === 429 ? 'TooManyRequests' : 'InternalError'),
      fault.message ?? 'Internal error occurred',
      fault.retryAfterSeconds
        ? { retryAfterSeconds: fault.retryAfterSeconds }
        : undefined,
    );
    this.#failure = failure;
    return () => {
      if (this.#failure === failure) this.#failure = undefined;
    };
  }

  current(): KubeApiError | undefined {
    return this.#failure;
  }
}
