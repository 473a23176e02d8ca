import { LoggerService } from '@backstage/backend-plugin-api';
import { StartResult } from './instanceProcess';

/** A server that stayed up this long is healthy again: backoff restarts. */
const STABLE_AFTER_MS = 10_000;
const FIRST_BACKOFF_MS = 1000;

/** What the supervisor watches; the driver implements it over its files. */
export interface SupervisedInstances {
  /** Instances that should run: those whose spec.json exists. */
  wanted(): Promise<string[]>;
  livePid(instanceId: string): Promise<number | undefined>;
  /** Starts the server unless it runs; undefined when skipped this round. */
  revive(instanceId: string): Promise<StartResult | undefined>;
}

interface RestartState {
  /** Restarts since the server was last stable. */
  restarts: number;
  notBefore: number;
  lastStartAt: number;
}

/**
 * Restarts servers that died, with exponential backoff so a server that
 * crashes on start does not spin. It never stops servers, and it adopts
 * servers started by an earlier backend (or another one sharing the data
 * dir) because it only acts when no live process is found.
 */
export class Supervisor {
  readonly #instances: SupervisedInstances;
  readonly #intervalMs: number;
  readonly #maxBackoffMs: number;
  readonly #logger: LoggerService;
  readonly #state = new Map<string, RestartState>();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #running = false;

  constructor(options: {
    instances: SupervisedInstances;
    intervalMs: number;
    maxBackoffMs: number;
    logger: LoggerService;
  }) {
    this.#instances = options.instances;
    this.#intervalMs = options.intervalMs;
    this.#maxBackoffMs = options.maxBackoffMs;
    this.#logger = options.logger;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
  }

  /** Stops watching. Running servers are left alone on purpose. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#round;
  }

  #schedule(): void {
    if (!this.#running) return;
    // A timeout chain rather than an interval: a slow round never overlaps
    // the next one.
    this.#timer = setTimeout(() => {
      this.#round = this.#runRound()
        .catch(error =>
          this.#logger.error(
            `Local driver supervisor round failed: ${error.message}`,
          ),
        )
        .finally(() => this.#schedule());
    }, this.#intervalMs);
    this.#timer.unref();
  }

  async #runRound(): Promise<void> {
    const wanted = await this.#instances.wanted();
    for (const id of this.#state.keys()) {
      if (!wanted.includes(id)) this.#state.delete(id);
    }
    for (const [index, id] of wanted.entries()) {
      if (index > 0) {
        // A check reads files synchronously; yielding between instances
        // keeps a round over many of them from holding the event loop.
        await new Promise(resolve => setImmediate(resolve));
      }
      if (!this.#running) return;
      await this.#check(id);
    }
  }

  async #check(instanceId: string): Promise<void> {
    const now = Date.now();
    const state = this.#state.get(instanceId);
    if (await this.#instances.livePid(instanceId)) {
      if (state && now - state.lastStartAt >= STABLE_AFTER_MS) {
        this.#state.delete(instanceId);
      }
      return;
    }
    if (state && now < state.notBefore) return;

    const restarts = (state?.restarts ?? 0) + 1;
    const backoff = Math.min(
      FIRST_BACKOFF_MS * 2 ** (restarts - 1),
      this.#maxBackoffMs,
    );
    this.#state.set(instanceId, {
      restarts,
      notBefore: now + backoff,
      lastStartAt: now,
    });
    try {
      const result = await this.#instances.revive(instanceId);
      if (!result?.started) {
        // Adopted, lock busy or being deleted: no restart happened, so
        // nothing counts towards the backoff.
        if (state) this.#state.set(instanceId, state);
        else this.#state.delete(instanceId);
        return;
      }
      this.#logger.warn(
        `Local driver restarted instance ${instanceId} (pid ${result.pid}, restart ${restarts}; next restart no sooner than ${backoff} ms)`,
      );
    } catch (error) {
      this.#logger.error(
        `Local driver could not restart instance ${instanceId} (attempt ${restarts}, retry in ${backoff} ms): ${
          (error as Error).message
        }`,
      );
    }
  }
}
