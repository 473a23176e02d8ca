import { KubeApiError } from './api/status';

/**
 * Failures to inject: every request answered with an error status, as an
 * API server behind a failing load balancer (500, 503) or one throttling
 * (429 with Retry-After) answers; watches dropped.
 */
export class KubeFaults {
  #failure?: KubeApiError;
  readonly #watches: Set<{ destroy(): unknown }>;

  constructor(watches: Set<{ destroy(): unknown }>) {
    this.#watches = watches;
  }

  /** Ends every open watch stream mid-way, as a restarted API server or a load balancer does. */
  dropWatches(): number {
    const dropped = this.#watches.size;
    for (const watch of [...this.#watches]) watch.destroy();
    this.#watches.clear();
    return dropped;
  }

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
