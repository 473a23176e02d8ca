import { Json } from '../model';
import { goDuration } from './taskEvents';

/** What to do after a task exited. */
export type RestartDecision =
  | { restart: true; delayMs: number; reason: string }
  | { restart: false; reason: string };

/**
 * A task's restart policy: up to `Attempts` restarts within `Interval`,
 * each after `Delay`. Past that, mode `fail` gives up and fails the task;
 * mode `delay` waits for the interval to end and starts counting again.
 */
export class RestartTracker {
  readonly #policy: Json;
  #windowStart = Date.now();
  #count = 0;

  constructor(policy: Json) {
    this.#policy = policy;
  }

  decide(): RestartDecision {
    const intervalMs = this.#policy.Interval / 1e6;
    const delayMs = this.#policy.Delay / 1e6;
    const now = Date.now();
    if (now - this.#windowStart > intervalMs) {
      this.#windowStart = now;
      this.#count = 0;
    }
    if (this.#count < this.#policy.Attempts) {
      this.#count += 1;
      return { restart: true, delayMs, reason: 'Restart within policy' };
    }
    if (this.#policy.Mode === 'delay') {
      const wait = Math.max(delayMs, this.#windowStart + intervalMs - now);
      this.#windowStart = now + wait;
      this.#count = 0;
      return {
        restart: true,
        delayMs: wait,
        reason: 'Exceeded allowed attempts, applying a delay',
      };
    }
    return {
      restart: false,
      reason: `Exceeded allowed attempts ${
        this.#policy.Attempts
      } in interval ${goDuration(this.#policy.Interval)} and mode is "fail"`,
    };
  }
}
