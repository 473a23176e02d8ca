import { OperationStore, OperationWithOwner } from '../database/OperationStore';

const FINISHED = new Set(['succeeded', 'failed']);

/**
 * Lets API clients wait for an operation instead of polling it. An
 * operation finished by this backend's worker wakes its waiters at once;
 * one finished by another replica is seen by re-reading every 100 ms.
 */
export class OperationWaiter {
  readonly #operations: OperationStore;
  readonly #waiters = new Map<string, Set<() => void>>();

  constructor(operations: OperationStore) {
    this.#operations = operations;
  }

  /** Called by the worker when it finished an operation. */
  notify(operationId: string): void {
    for (const wake of this.#waiters.get(operationId) ?? []) wake();
  }

  /** The operation once finished, or as it is when `timeoutMs` ran out. */
  async wait(
    operationId: string,
    timeoutMs: number,
  ): Promise<OperationWithOwner | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const operation = await this.#operations.get(operationId);
      const left = deadline - Date.now();
      if (!operation || FINISHED.has(operation.status) || left <= 0) {
        return operation;
      }
      await this.#sleep(operationId, Math.min(left, 100));
    }
  }

  #sleep(operationId: string, ms: number): Promise<void> {
    return new Promise(resolve => {
      const set = this.#waiters.get(operationId) ?? new Set();
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        if (!set.size) this.#waiters.delete(operationId);
        resolve();
      };
      timer = setTimeout(wake, ms);
      set.add(wake);
      this.#waiters.set(operationId, set);
    });
  }
}
