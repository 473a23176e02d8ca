import { Knex } from 'knex';
import { METRIC_NAMES } from '@justmanage/plugin-dbaas-common';
import { BUCKET_MS, LATEST, ROLLUPS, SAMPLES, toNumber } from './tables';

/** Options of {@link MetricMaintenance}. */
export interface MetricMaintenanceOptions {
  rawRetentionMs: number;
  rollupRetentionMs: number;
  /**
   * A bucket is rolled up once it ended this long ago, so a collection
   * that was still writing into it is included. Default 60 s.
   */
  graceMs?: number;
}

/** The time span one DELETE covers at most, so none holds locks for long. */
const DELETE_WINDOW_MS = 3_600_000;

/**
 * Downsampling and retention, run by a scheduled task with global scope.
 * Each run is idempotent: rollups are upserts of whole buckets computed in
 * SQL, so a run that is repeated, or that overlaps another replica's,
 * writes the same rows.
 */
export class MetricMaintenance {
  readonly #db: Knex;
  readonly #options: Required<MetricMaintenanceOptions>;

  constructor(db: Knex, options: MetricMaintenanceOptions) {
    this.#db = db;
    this.#options = { graceMs: 60_000, ...options };
  }

  async run(now = Date.now()): Promise<{ bucketsRolled: number }> {
    const bucketsRolled = await this.rollUp(now);
    await this.applyRetention(now);
    return { bucketsRolled };
  }

  /**
   * Rolls up every finished bucket since the newest one already rolled
   * (which is rolled again: a late sample may have joined it), or, on the
   * first run, since the oldest raw sample kept.
   */
  async rollUp(now = Date.now()): Promise<number> {
    const end = floorToBucket(now - this.#options.graceMs);
    const [{ newest }] = await this.#db(ROLLUPS).max({
      newest: 'bucket_start',
    });
    const start =
      toNumber(newest) ?? floorToBucket(now - this.#options.rawRetentionMs);
    if (start >= end) return 0;

    const bucket = `(collected_at / ${BUCKET_MS}) * ${BUCKET_MS}`;
    const aggregates = METRIC_NAMES.flatMap(m => [
      `min(${m})`,
      `avg(${m})`,
      `max(${m})`,
    ]);
    const targets = METRIC_NAMES.flatMap(m => [
      `${m}_min`,
      `${m}_avg`,
      `${m}_max`,
    ]);
    const updates = ['samples', ...targets]
      .map(c => `${c} = excluded.${c}`)
      .join(', ');
    // SQLite needs the WHERE of an INSERT ... SELECT ... ON CONFLICT to parse it
    await this.#db.raw(
      `insert into ${ROLLUPS} (instance_id, bucket_start, samples, ${targets.join(
        ', ',
      )})
       select instance_id, ${bucket}, count(*), ${aggregates.join(', ')}
       from ${SAMPLES}
       where collected_at >= ? and collected_at < ?
       group by instance_id, ${bucket}
       on conflict (instance_id, bucket_start) do update set ${updates}`,
      [start, end],
    );
    return (end - start) / BUCKET_MS;
  }

  /** Deletes samples and rollups past their retention, and readings of deleted instances. */
  async applyRetention(now = Date.now()): Promise<void> {
    await this.#deleteOlder(
      SAMPLES,
      'collected_at',
      now - this.#options.rawRetentionMs,
    );
    await this.#deleteOlder(
      ROLLUPS,
      'bucket_start',
      now - this.#options.rollupRetentionMs,
    );
    await this.#db(LATEST)
      .whereNotIn('instance_id', this.#db('dbaas_instances').select('id'))
      .delete();
  }

  /** Deletes in windows of an hour from the oldest row, so each statement stays small. */
  async #deleteOlder(table: string, column: string, cutoff: number) {
    for (;;) {
      const [{ oldest }] = await this.#db(table).min({ oldest: column });
      const from = toNumber(oldest);
      if (from === undefined || from >= cutoff) return;
      await this.#db(table)
        .where(column, '<', Math.min(cutoff, from + DELETE_WINDOW_MS))
        .delete();
    }
  }
}

function floorToBucket(ms: number): number {
  return Math.floor(ms / BUCKET_MS) * BUCKET_MS;
}
