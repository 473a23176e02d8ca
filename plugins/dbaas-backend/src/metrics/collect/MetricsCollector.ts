import { LoggerService } from '@backstage/backend-plugin-api';
import { Instance, InstanceStatus } from '@justmanage/plugin-dbaas-common';
import { DriverInstanceStats } from '@justmanage/plugin-dbaas-node';
import { InstanceStore } from '../../database/InstanceStore';
import { CredentialStore } from '../../database/CredentialStore';
import { DriverRegistry } from '../../drivers/DriverRegistry';
import { AdminSessionPool } from '../../redis/AdminSessionPool';
import { RedisLogin } from '../../redis/RedisAdmin';
import { targetOf } from '../../redis/redisTarget';
import { parseInfo } from '../info/parseInfo';
import { CollectionResult, MetricStore } from '../store/MetricStore';
import { deriveValues } from './deriveValues';
import { isCollectedField, readingOf } from './readingOf';
import { CounterState } from './reading';
import { runLimited } from './runLimited';

/** Instances whose servers should be running, and so be measured. */
const COLLECTED_STATUSES: InstanceStatus[] = ['running', 'down', 'updating'];

/** What a round needs to know of an instance. */
type Target = Pick<Instance, 'id' | 'platform' | 'endpoints'>;

/** Results written per transaction, so a large fleet's round is not held in memory at once. */
const WRITE_BATCH = 1000;

export interface MetricsCollectorOptions {
  instances: InstanceStore;
  credentials: CredentialStore;
  drivers: DriverRegistry;
  store: MetricStore;
  sessions: AdminSessionPool;
  logger: LoggerService;
  intervalSeconds: number;
  concurrency: number;
  timeoutMs: number;
}

/** What one round did, for logs and the benchmark. */
export interface CollectionSummary {
  instances: number;
  collected: number;
  failed: number;
  durationMs: number;
}

/**
 * One collection round: INFO ALL from every instance's primary over a
 * long-lived admin session, and the driver's CPU, memory and disk figures,
 * turned into a sample with rates against the previous reading.
 *
 * Whatever the fleet's size a round costs a fixed number of queries: one
 * for the instances, one for the previous readings, one per 500 for admin
 * logins of instances without a session, and a few multi-row statements
 * per 1,000 results. Instances are read `concurrency` at a time, each
 * bounded by `timeoutMs`, so an instance that hangs delays only its slot.
 */
export class MetricsCollector {
  readonly #o: MetricsCollectorOptions;

  constructor(options: MetricsCollectorOptions) {
    this.#o = options;
  }

  async collectAll(): Promise<CollectionSummary> {
    const started = Date.now();
    const { instances, store, sessions } = this.#o;
    const targets = (await instances.listEndpoints(COLLECTED_STATUSES)).filter(
      i => primaryOf(i) !== undefined,
    );
    const previous = await store.counterStates();
    const logins = await this.#loginsForNewSessions(targets);

    let collected = 0;
    let failed = 0;
    const pending: CollectionResult[] = [];
    const flush = async () => {
      const batch = pending.splice(0, pending.length);
      if (batch.length) await store.write(batch);
    };
    await runLimited(targets, this.#o.concurrency, async instance => {
      const result = await this.#collectOne(
        instance,
        logins.get(instance.id),
        previous.get(instance.id),
      );
      if ('error' in result) failed++;
      else collected++;
      pending.push(result);
      if (pending.length >= WRITE_BATCH) await flush();
    });
    await flush();
    sessions.closeIdle();
    return {
      instances: targets.length,
      collected,
      failed,
      durationMs: Date.now() - started,
    };
  }

  /** Admin logins of the instances that have no open session, in bulk. */
  async #loginsForNewSessions(
    targets: Target[],
  ): Promise<Map<string, RedisLogin>> {
    const needed = targets
      .filter(i => !this.#o.sessions.has(i.id, targetOf(i, primaryOf(i)!)))
      .map(i => i.id);
    return needed.length
      ? this.#o.credentials.getMany(needed, 'admin')
      : new Map();
  }

  async #collectOne(
    instance: Target,
    login: RedisLogin | undefined,
    previous: CounterState | undefined,
  ): Promise<CollectionResult> {
    const primary = primaryOf(instance)!;
    const attemptedAt = Date.now();
    try {
      const [text, stats] = await Promise.all([
        this.#o.sessions.run(
          instance.id,
          targetOf(instance, primary),
          // fetched in bulk for the round; one query if the session was
          // lost since the round started
          async () =>
            login ?? (await this.#o.credentials.get(instance.id, 'admin')),
          redis => redis.info('all'),
        ),
        this.#driverStats(instance),
      ]);
      const reading = readingOf(
        parseInfo(text, isCollectedField),
        stats,
        primary.nodeId,
        Date.now(),
      );
      const maxGapMs = this.#o.intervalSeconds * 1000 * 10;
      return {
        instanceId: instance.id,
        attemptedAt,
        reading,
        values: deriveValues(reading, previous, maxGapMs),
      };
    } catch (error) {
      return {
        instanceId: instance.id,
        attemptedAt,
        error: (error as Error).message,
      };
    }
  }

  /** The driver's figures, or none when it has no stats, fails or is slow. */
  async #driverStats(
    instance: Target,
  ): Promise<DriverInstanceStats | undefined> {
    let driver;
    try {
      driver = this.#o.drivers.get(instance.platform);
    } catch {
      return undefined;
    }
    if (!driver.stats) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>(resolve => {
      timer = setTimeout(() => resolve(undefined), this.#o.timeoutMs);
    });
    try {
      return await Promise.race([
        driver.stats(instance.id).catch(error => {
          this.#o.logger.debug(
            `Driver ${driver.id} gave no stats for ${instance.id}: ${error}`,
          );
          return undefined;
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function primaryOf(instance: Target) {
  return instance.endpoints.find(e => e.role === 'primary');
}
