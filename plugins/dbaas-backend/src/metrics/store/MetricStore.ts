import { Knex } from 'knex';
import {
  METRIC_NAMES,
  MetricName,
  MetricSnapshot,
} from '@justmanage/plugin-dbaas-common';
import { InfoFields } from '../info/parseInfo';
import { COUNTERS, CounterState, Reading } from '../collect/reading';
import { chunks, INSERT_CHUNK, LATEST, SAMPLES, toNumber } from './tables';

/** The outcome of collecting one instance. */
export type CollectionResult =
  | {
      instanceId: string;
      attemptedAt: number;
      reading: Reading;
      values: Partial<Record<MetricName, number>>;
    }
  | { instanceId: string; attemptedAt: number; error: string };

/** The latest reading of an instance, as the Prometheus endpoint exports it. */
export interface ExportedReading {
  instanceId: string;
  up: boolean;
  collectedAt?: number;
  info?: InfoFields;
}

/**
 * Samples and latest readings. A collection is written with a handful of
 * statements whatever the fleet's size: samples in multi-row INSERTs of
 * 500, latest readings in multi-row upserts, all in one transaction.
 */
export class MetricStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** The counters of every instance's last reading, to compute rates from. */
  async counterStates(): Promise<Map<string, CounterState>> {
    const rows = await this.#db(LATEST)
      .whereNotNull('collected_at')
      .select(
        'instance_id',
        'collected_at',
        'run_id',
        'uptime_seconds',
        ...COUNTERS,
      );
    const states = new Map<string, CounterState>();
    for (const row of rows) {
      const counters: CounterState['counters'] = {};
      for (const counter of COUNTERS) {
        const value = toNumber(row[counter]);
        if (value !== undefined) counters[counter] = value;
      }
      states.set(row.instance_id, {
        collectedAt: Number(row.collected_at),
        runId: row.run_id ?? undefined,
        uptimeSeconds: toNumber(row.uptime_seconds),
        counters,
      });
    }
    return states;
  }

  async write(results: CollectionResult[]): Promise<void> {
    const ok = results.filter(
      (r): r is Extract<CollectionResult, { reading: Reading }> =>
        'reading' in r,
    );
    const failed = results.filter(
      (r): r is Extract<CollectionResult, { error: string }> => 'error' in r,
    );
    await this.#db.transaction(async tx => {
      for (const chunk of chunks(ok, INSERT_CHUNK)) {
        await tx(SAMPLES)
          .insert(
            chunk.map(r =>
              sampleRow(r.instanceId, r.reading.collectedAt, r.values),
            ),
          )
          // a second collector racing this one on the same instance and millisecond
          .onConflict(['instance_id', 'collected_at'])
          .ignore();
        await tx(LATEST)
          .insert(chunk.map(r => latestRow(r)))
          .onConflict('instance_id')
          .merge();
      }
      for (const chunk of chunks(failed, INSERT_CHUNK)) {
        // keeps the last good reading, so rates resume across the outage
        await tx(LATEST)
          .insert(
            chunk.map(r => ({
              instance_id: r.instanceId,
              attempted_at: r.attemptedAt,
              up: false,
              error: r.error.slice(0, 1000),
            })),
          )
          .onConflict('instance_id')
          .merge(['attempted_at', 'up', 'error']);
      }
    });
  }

  /** The newest values collected from an instance, if any were. */
  async latest(instanceId: string): Promise<MetricSnapshot | undefined> {
    return (await this.latestMany([instanceId]))[0];
  }

  /** {@link MetricStore.latest} of many instances in one query per 500. */
  async latestMany(instanceIds: string[]): Promise<MetricSnapshot[]> {
    const snapshots: MetricSnapshot[] = [];
    for (const ids of chunks(instanceIds, INSERT_CHUNK)) {
      const rows = await this.#db(LATEST)
        .whereIn('instance_id', ids)
        .whereNotNull('collected_at')
        .select('instance_id', 'collected_at', 'snapshot');
      for (const row of rows) {
        snapshots.push({
          instanceId: row.instance_id,
          collectedAt: new Date(Number(row.collected_at)).toISOString(),
          values: JSON.parse(row.snapshot ?? '{}'),
        });
      }
    }
    return snapshots;
  }

  /** Every instance's latest reading, for the Prometheus endpoint. */
  async exportedReadings(): Promise<ExportedReading[]> {
    const rows = await this.#db(LATEST).select(
      'instance_id',
      'up',
      'collected_at',
      'info',
    );
    return rows.map(row => ({
      instanceId: row.instance_id,
      up: Boolean(row.up),
      collectedAt: toNumber(row.collected_at),
      ...(row.info ? { info: JSON.parse(row.info) } : {}),
    }));
  }
}

function sampleRow(
  instanceId: string,
  collectedAt: number,
  values: Partial<Record<MetricName, number>>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {
    instance_id: instanceId,
    collected_at: collectedAt,
  };
  for (const metric of METRIC_NAMES) {
    row[metric] = values[metric] ?? null;
  }
  return row;
}

function latestRow(
  result: Extract<CollectionResult, { reading: Reading }>,
): Record<string, unknown> {
  const { reading } = result;
  const row: Record<string, unknown> = {
    instance_id: result.instanceId,
    attempted_at: result.attemptedAt,
    up: true,
    error: null,
    collected_at: reading.collectedAt,
    run_id: reading.runId ?? null,
    uptime_seconds: reading.uptimeSeconds ?? null,
    snapshot: JSON.stringify(result.values),
    info: JSON.stringify(reading.info),
  };
  for (const counter of COUNTERS) {
    row[counter] = reading.counters[counter] ?? null;
  }
  return row;
}
