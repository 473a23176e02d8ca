import { EventEmitter } from 'node:events';

/** The tables a blocking query can wait on, each with its own index. */
export type Table =
  | 'jobs'
  | 'job_version'
  | 'allocs'
  | 'evals'
  | 'deployment'
  | 'variables'
  | 'nodes'
  | 'acl';

/**
 * The agent's Raft index: one counter for the whole cluster, starting at 1
 * as the API docs say, and the index each table last changed at. A
 * blocking query answers with its tables' highest index, and wakes when
 * that moves past the `index` it was given.
 */
export class StateStore {
  #index = 1;
  readonly #tables = new Map<Table, number>();
  readonly #changes = new EventEmitter();

  constructor() {
    // Many blocking queries may wait at once.
    this.#changes.setMaxListeners(0);
  }

  /** Takes the next index for a write that touches `tables`, and wakes waiters. */
  commit(...tables: Table[]): number {
    this.#index += 1;
    for (const table of tables) this.#tables.set(table, this.#index);
    this.#changes.emit('change');
    return this.#index;
  }

  indexOf(tables: Table[]): number {
    return Math.max(1, ...tables.map(t => this.#tables.get(t) ?? 1));
  }

  /**
   * Resolves with the tables' index once it is above `minIndex`, or with
   * the unchanged index after `waitMs` (a blocking query's timeout is not
   * an error, only no guarantee of a change).
   */
  waitPast(
    tables: Table[],
    minIndex: number,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<number> {
    return new Promise(resolve => {
      const listeners = {
        timer: undefined as NodeJS.Timeout | undefined,
        finish: () => {
          clearTimeout(listeners.timer);
          this.#changes.off('change', listeners.check);
          signal?.removeEventListener('abort', listeners.finish);
          resolve(this.indexOf(tables));
        },
        check: () => {
          if (this.indexOf(tables) > minIndex) listeners.finish();
        },
      };
      listeners.timer = setTimeout(listeners.finish, waitMs);
      this.#changes.on('change', listeners.check);
      signal?.addEventListener('abort', listeners.finish);
      listeners.check();
    });
  }
}
