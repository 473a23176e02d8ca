import { LoggerService } from '@backstage/backend-plugin-api';
import type { DbaasApiClient, Operation } from '@justmanage/plugin-dbaas-node';
import { callDbaas } from './explainDbaasError';

/** The longest the dbaas API holds a `GET /operations/{id}?waitMs=` call. */
const MAX_WAIT_MS = 30_000;

function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  if (ms % 1000 === 0) return `${ms / 1000} seconds`;
  return `${ms} ms`;
}

/** Rejects as soon as the signal fires, without waiting for the promise. */
function unlessAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<T> {
  if (!signal) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    promise
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Follows an operation until it has succeeded or failed, with the API's
 * long poll, logging each step as it changes so the task log shows progress.
 *
 * Stopping (timeout, cancelled task) leaves the operation running in the
 * dbaas backend; the error says which operation to follow.
 */
export async function waitForOperation(options: {
  client: Pick<DbaasApiClient, 'getOperation'>;
  operationId: string;
  timeoutMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<Operation> {
  const { client, operationId, timeoutMs, logger, signal } = options;
  const deadline = Date.now() + timeoutMs;
  const reported = new Map<string, string>();
  const cancelled = () =>
    new Error(
      `The task was cancelled; operation ${operationId} goes on in the dbaas backend`,
    );

  for (;;) {
    if (signal?.aborted) {
      throw cancelled();
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new Error(
        `Operation ${operationId} did not finish within ${describeDuration(
          timeoutMs,
        )}; it goes on in the dbaas backend`,
      );
    }
    const operation = await unlessAborted(
      callDbaas(`Following operation ${operationId}`, () =>
        client.getOperation(
          operationId,
          { query: { waitMs: Math.min(MAX_WAIT_MS, remaining) } },
          // Aborting the request too frees the connection the API holds.
          { signal },
        ),
      ),
      signal,
      cancelled,
    );
    for (const step of operation.steps) {
      if (
        step.status !== 'pending' &&
        reported.get(step.name) !== step.status
      ) {
        reported.set(step.name, step.status);
        const reason = step.error ? `: ${step.error}` : '';
        logger.info(
          `${operation.type} step ${step.name} ${step.status}${reason}`,
        );
      }
    }
    if (operation.status === 'succeeded' || operation.status === 'failed') {
      return operation;
    }
  }
}
