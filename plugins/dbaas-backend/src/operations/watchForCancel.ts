import { Knex } from 'knex';
import { OperationControlStore } from '../database/OperationControlStore';
import { OperationCancelledError } from './finalErrors';

/** How often a running cancellable operation looks for a cancel request. */
const CHECK_INTERVAL_MS = 500;

/**
 * Aborts `controller` once someone asked to cancel the operation, with an
 * error that says who. The request may reach any replica, so it is read
 * from the database rather than passed in memory. Returns a stop function.
 */
export function watchForCancel(
  db: Knex,
  operationId: string,
  controller: AbortController,
): () => void {
  const control = new OperationControlStore(db);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    try {
      const by = await control.cancelRequestedBy(operationId);
      if (by && !stopped) {
        controller.abort(new OperationCancelledError(`Cancelled by ${by}`));
        return;
      }
    } catch {
      // a failed read is tried again at the next interval
    }
    if (!stopped) timer = setTimeout(check, CHECK_INTERVAL_MS);
  };
  timer = setTimeout(check, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
