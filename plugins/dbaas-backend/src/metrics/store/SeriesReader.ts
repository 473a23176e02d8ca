import { Knex } from 'knex';
import { MetricName, MetricSeries } from '@justmanage/plugin-dbaas-common';
import { ROLLUPS, SAMPLES, toNumber } from './tables';

/** What to read; see planSeriesQuery. */
export interface SeriesQuery {
  instanceId: string;
  metrics: MetricName[];
  fromMs: number;
  toMs: number;
  stepMs: number;
  resolution: 'raw' | 'rollup';
}

/**
 * Time series of one instance, aggregated in SQL into steps aligned to the
 * epoch: min/avg/max of raw samples, or min of minimums, average of
 * averages (each 5-minute bucket counts once) and max of maximums of the
 * rollups. One indexed range scan, whatever the number of metrics.
 */
export class SeriesReader {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async read(query: SeriesQuery): Promise<MetricSeries[]> {
    const { stepMs } = query;
    if (!Number.isSafeInteger(stepMs) || stepMs <= 0) {
      throw new Error(`invalid step ${stepMs}`);
    }
    const raw = query.resolution === 'raw';
    const timeColumn = raw ? 'collected_at' : 'bucket_start';
    // stepMs is a validated integer, inlined so both dialects do integer division on bigint
    const bucket = `(${timeColumn} / ${stepMs}) * ${stepMs}`;
    const columns = [`${bucket} as t`];
    for (const metric of query.metrics) {
      const [min, avg, max] = raw
        ? [metric, metric, metric]
        : [`${metric}_min`, `${metric}_avg`, `${metric}_max`];
      columns.push(
        `min(${min}) as ${metric}__min`,
        `avg(${avg}) as ${metric}__avg`,
        `max(${max}) as ${metric}__max`,
      );
    }
    const rows = await this.#db(raw ? SAMPLES : ROLLUPS)
      .where('instance_id', query.instanceId)
      .where(timeColumn, '>=', query.fromMs)
      .where(timeColumn, '<', query.toMs)
      .select(this.#db.raw(columns.join(', ')))
      .groupByRaw(bucket)
      .orderByRaw(bucket);

    return query.metrics.map(metric => ({
      metric,
      points: rows.flatMap(row => {
        const avg = toNumber(row[`${metric}__avg`]);
        if (avg === undefined) return [];
        return [
          {
            time: new Date(Number(row.t)).toISOString(),
            min: toNumber(row[`${metric}__min`])!,
            avg,
            max: toNumber(row[`${metric}__max`])!,
          },
        ];
      }),
    }));
  }
}
