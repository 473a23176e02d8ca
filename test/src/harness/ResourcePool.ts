/**
 * Hands out a fixed set of resources (e.g. HTTP ports) to tasks running
 * concurrently, so that at most that many run at a time.
 */
export class ResourcePool<T> {
  readonly #free: T[];
  readonly #waiting: Array<(resource: T) => void> = [];

  constructor(resources: T[]) {
    this.#free = [...resources];
  }

  /** Runs `task` with a resource of its own, waiting for one to be free. */
  async use<R>(task: (resource: T) => Promise<R>): Promise<R> {
    const resource =
      this.#free.shift() ??
      (await new Promise<T>(resolve => this.#waiting.push(resolve)));
    try {
      return await task(resource);
    } finally {
      const next = this.#waiting.shift();
      if (next) next(resource);
      else this.#free.push(resource);
    }
  }
}
