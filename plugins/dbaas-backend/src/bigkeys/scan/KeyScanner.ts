import { setTimeout as sleep } from 'node:timers/promises';
import { KeyScanLatency, KeyScanReport } from '@justmanage/plugin-dbaas-common';
import { DialAddress, RedisLogin } from '../../redis/RedisAdmin';
import { StepStoppedError } from '../../operations/finalErrors';
import { KeyScanSettings } from '../keyScanSettings';
import { RespConnection } from '../resp/RespConnection';
import { RespErrorReply } from '../resp/RespParser';
import { KeyTally, KeyTallyResult } from '../tally/KeyTally';
import { inspectBatch } from './inspectBatch';
import { keyspaceDatabases } from './keyspaceDatabases';
import { LatencyProbe } from './LatencyProbe';

export interface KeyScanOptions {
  /** A route to the node from its connector. */
  address: DialAddress;
  login: RedisLogin;
  topN: number;
  separator: string;
  settings: KeyScanSettings;
  signal?: AbortSignal;
  /** After every batch: keys SCAN returned so far, and DBSIZE at the start. */
  onProgress?(done: number, total: number): void;
  /** When the scan pauses because PING went over the limit. */
  onBackoff?(pingMs: number, pauseMs: number): void;
}

export type KeyScanResult = KeyTallyResult &
  Pick<KeyScanReport, 'databases' | 'latency'>;

/** Sleeps; a cancel ends it with the signal's reason, not an AbortError. */
async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  }
}

/** Promises awaited later must not count as unhandled if they fail first. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Walks every database with SCAN and finds each key's type, memory and
 * element count, keeping the server busy with at most `maxInFlight`
 * pipelines while a PING probe watches what other clients would wait.
 */
export class KeyScanner {
  readonly #options: KeyScanOptions;
  readonly #tally: KeyTally;
  #batchSize: number;
  #backoffs = 0;
  #done = 0;

  constructor(options: KeyScanOptions) {
    this.#options = options;
    this.#tally = new KeyTally(options.topN, options.separator);
    this.#batchSize = options.settings.batchSize;
  }

  async run(): Promise<KeyScanResult> {
    const { address, login, settings } = this.#options;
    const connection = await RespConnection.open(
      address,
      login,
      settings.timeoutMs,
    );
    const probe = new LatencyProbe(address, login, {
      intervalMs: settings.probeIntervalMs,
      timeoutMs: settings.timeoutMs,
    });
    try {
      const baselineMs = await probe.baseline();
      if (baselineMs > settings.latencyLimitMs) {
        throw new StepStoppedError(
          `The instance answers PING in ${round(
            baselineMs,
          )} ms before the scan, above the limit of ${
            settings.latencyLimitMs
          } ms; scan it when it is less busy`,
        );
      }
      const info = await connection.call('INFO', 'keyspace');
      const databases = keyspaceDatabases(String(info));
      const total = databases.reduce((n, d) => n + d.keys, 0);
      for (const { db } of databases) {
        await this.#scanDatabase(connection, probe, db, total);
      }
      const latency: KeyScanLatency = {
        baselineMs: round(baselineMs),
        limitMs: settings.latencyLimitMs,
        ...probe.stats(),
        backoffs: this.#backoffs,
      };
      return { ...this.#tally.result(), databases, latency };
    } finally {
      connection.close();
      await probe.stop();
    }
  }

  async #scanDatabase(
    connection: RespConnection,
    probe: LatencyProbe,
    db: number,
    total: number,
  ) {
    const { settings, onProgress } = this.#options;
    await connection.call('SELECT', String(db));
    const inFlight: Promise<void>[] = [];
    let scan = handled(
      connection.send([['SCAN', '0', 'COUNT', String(this.#batchSize)]]),
    );
    for (;;) {
      const [reply] = await scan;
      if (reply instanceof RespErrorReply) {
        throw new Error(`SCAN failed: ${reply.message}`);
      }
      const [cursor, keys] = reply as [string, string[]];
      while (inFlight.length >= settings.maxInFlight) await inFlight.shift();
      await this.#pace(probe);
      // The next SCAN goes out ahead of this batch, so its keys are known
      // while the server still works on this one and it never waits for us.
      if (cursor !== '0') {
        scan = handled(
          connection.send([['SCAN', cursor, 'COUNT', String(this.#batchSize)]]),
        );
      }
      if (keys.length) {
        inFlight.push(
          handled(inspectBatch(connection, db, keys, this.#done, this.#tally)),
        );
      }
      this.#done += keys.length;
      onProgress?.(this.#done, total);
      if (cursor === '0') break;
    }
    await Promise.all(inFlight);
  }

  /**
   * Between batches: stop if cancelled; pause while PING is over the limit,
   * with half the batch size each time, and give up after `maxBackoffs`
   * pauses in a row; grow the batch again once PING is back.
   */
  async #pace(probe: LatencyProbe) {
    const { settings, signal, onBackoff } = this.#options;
    signal?.throwIfAborted();
    const failure = probe.failure();
    if (failure) {
      throw new Error(`The latency probe failed: ${failure.message}`);
    }
    if (settings.pauseMs > 0) await pause(settings.pauseMs, signal);
    let inARow = 0;
    while (probe.currentMs() > settings.latencyLimitMs) {
      const pingMs = round(probe.currentMs());
      if (inARow >= settings.maxBackoffs) {
        throw new StepStoppedError(
          `Stopped after ${
            this.#done
          } keys: PING took ${pingMs} ms, above the limit of ${
            settings.latencyLimitMs
          } ms, and stayed there through ${inARow} pauses; the instance is busy, scan it later`,
        );
      }
      const pauseMs = settings.backoffMs * 2 ** inARow;
      inARow += 1;
      this.#backoffs += 1;
      this.#batchSize = Math.max(10, Math.floor(this.#batchSize / 2));
      onBackoff?.(pingMs, pauseMs);
      await pause(pauseMs, signal);
    }
    if (inARow === 0 && this.#batchSize < settings.batchSize) {
      this.#batchSize = Math.min(settings.batchSize, this.#batchSize * 2);
    }
  }
}
