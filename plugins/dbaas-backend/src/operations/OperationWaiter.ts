import { OperationStore, OperationWithOwner } from '../database/OperationStore';

const FINISHED = new Set(['succeeded', 'failed']);

/** Listens for the end of one operation; see {@link OperationWaiter.watch}. */
export interface OperationWatch {
  /**
   * `current` if it has finished, else the operation as read again once it
   * has, or as it is when `timeoutMs` ran out.
   */
  until(
    current: OperationWithOwner | undefined,
    timeoutMs: number,
  ): Promise<OperationWithOwner | undefined>;
  /** Stops listening; call it however the request ended. */
  cancel(): void;
}

/**
 * Lets API clients wait for an operation instead of polling it. An
 * operation finished by this backend's worker wakes its waiters at once;
 * one finished by another replica is seen by re-reading every 100 ms.
 */
export class OperationWaiter {
  readonly #operations: OperationStore;
  readonly #listeners = new Map<string, Set<() => void>>();

  constructor(operations: OperationStore) {
    this.#operations = operations;
  }

  /** Called by the worker when it finished an operation. */
  notify(operationId: string): void {
    for (const listener of this.#listeners.get(operationId) ?? []) listener();
  }

  /**
   * Starts listening for the end of an operation. Call it before reading
   * the operation: an end between that read and the wait is then not
   * missed, and the read need not be repeated.
   */
  watch(operationId: string): OperationWatch {
    let notified = false;
    let wake: (() => void) | undefined;
    const listener = () => {
      notified = true;
      wake?.();
    };
    const listeners = this.#listeners.get(operationId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(operationId, listeners);

    const nextChance = (ms: number) =>
      new Promise<void>(resolve => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (notified) wake();
      });

    return {
      until: async (current, timeoutMs) => {
        const deadline = Date.now() + timeoutMs;
        let operation = current;
        for (;;) {
          const left = deadline - Date.now();
          if (!operation || FINISHED.has(operation.status) || left <= 0) {
            return operation;
          }
          await nextChance(Math.min(left, 100));
          notified = false;
          wake = undefined;
          operation = await this.#operations.get(operationId);
        }
      },
      cancel: () => {
        listeners.delete(listener);
        if (!listeners.size && this.#listeners.get(operationId) === listeners) {
          this.#listeners.delete(operationId);
        }
      },
    };
  }
}
