import { Worker } from 'node:worker_threads';
import { DialAddress, RedisLogin } from '../../redis/RedisAdmin';
import { PROBE_WORKER_SOURCE } from './probeWorkerSource';

const BASELINE_PINGS = 5;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
const wallNow = () => performance.timeOrigin + performance.now();

/**
 * PINGs the instance on its own connection from a worker thread while the
 * scan runs: the round trip is what the instance's other clients wait, our
 * own load included, and not the time this thread was busy.
 */
export class LatencyProbe {
  readonly #worker: Worker;
  readonly #slots: Float64Array;
  readonly #samples: number[] = [];
  readonly #baseline: Promise<number>;
  #failure?: Error;

  constructor(
    address: DialAddress,
    login: RedisLogin,
    options: { intervalMs: number; timeoutMs: number },
  ) {
    const shared = new SharedArrayBuffer(4 * Float64Array.BYTES_PER_ELEMENT);
    this.#slots = new Float64Array(shared);
    this.#worker = new Worker(PROBE_WORKER_SOURCE, {
      eval: true,
      workerData: {
        host: address.host,
        port: address.port,
        useTls: address.tls,
        servername: address.servername,
        ca: address.ca,
        username: login.username,
        password: login.password,
        intervalMs: options.intervalMs,
        timeoutMs: options.timeoutMs,
        baselinePings: BASELINE_PINGS,
        shared,
      },
    });
    this.#baseline = new Promise((resolve, reject) => {
      this.#worker.on(
        'message',
        (message: { ms?: number; failure?: string }) => {
          if (message.failure !== undefined) {
            this.#failure = new Error(message.failure);
            reject(this.#failure);
          } else if (message.ms !== undefined) {
            this.#samples.push(message.ms);
            if (this.#samples.length === BASELINE_PINGS) {
              resolve(
                percentile(
                  [...this.#samples].sort((a, b) => a - b),
                  0.5,
                ),
              );
            }
          }
        },
      );
      this.#worker.on('error', (error: Error) => {
        this.#failure = error;
        reject(error);
      });
    });
    this.#baseline.catch(() => {});
  }

  /** The median of the first round trips, before any load of ours. */
  baseline(): Promise<number> {
    return this.#baseline;
  }

  /**
   * The lower of the last two round trips, so one hiccup of a busy host
   * does not pause the scan; while a PING is unanswered, at least how long
   * it has waited, so a stalled instance counts as slow at once.
   */
  currentMs(): number {
    const sentAt = this.#slots[1];
    const waiting = sentAt > 0 ? wallNow() - sentAt : 0;
    return Math.max(Math.min(this.#slots[0], this.#slots[3]), waiting);
  }

  /** Why the probe stopped working, if it did; the scan must not go on blind. */
  failure(): Error | undefined {
    return this.#slots[2] === 1
      ? this.#failure ?? new Error('the latency probe failed')
      : undefined;
  }

  /** Round trips measured during the scan, after the baseline. */
  stats(): { p99Ms: number; maxMs: number } {
    const sorted = this.#samples.slice(BASELINE_PINGS).sort((a, b) => a - b);
    return {
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted[sorted.length - 1] ?? 0),
    };
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
