/*
 * Metrics: raw samples (one row per instance and collection, kept a day),
 * 5-minute rollups with min/avg/max (kept 30 days), and the latest reading
 * of each instance, which holds the counters the next rates are computed
 * from and the INFO fields the Prometheus endpoint exports.
 *
 * Times are epoch milliseconds in bigint columns: range scans and the
 * rollup's bucketing are integer arithmetic on SQLite and PostgreSQL alike.
 */

// @ts-check

/** Frozen here: a later metric gets its own migration. */
const METRICS = [
  'cpu_percent',
  'memory_used_bytes',
  'memory_max_bytes',
  'memory_rss_bytes',
  'disk_used_bytes',
  'connected_clients',
  'ops_per_sec',
  'keys',
  'expiring_keys',
  'hit_ratio',
  'hits_per_sec',
  'misses_per_sec',
  'evictions_per_sec',
  'expired_per_sec',
  'net_in_bytes_per_sec',
  'net_out_bytes_per_sec',
];

/** Counters whose previous reading a rate is computed from. */
const COUNTERS = [
  'cpu_seconds',
  'commands',
  'hits',
  'misses',
  'evicted',
  'expired',
  'net_in',
  'net_out',
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_metric_samples', table => {
    table.string('instance_id', 36).notNullable();
    table.bigInteger('collected_at').notNullable();
    for (const metric of METRICS) {
      table.double(metric).nullable();
    }
    table.primary(['instance_id', 'collected_at'], 'dbaas_metric_samples_pk');
    // retention and rollups scan by time across all instances
    table.index(['collected_at'], 'dbaas_metric_samples_time_idx');
  });

  await knex.schema.createTable('dbaas_metric_rollups', table => {
    table.string('instance_id', 36).notNullable();
    table.bigInteger('bucket_start').notNullable();
    table.integer('samples').notNullable();
    for (const metric of METRICS) {
      table.double(`${metric}_min`).nullable();
      table.double(`${metric}_avg`).nullable();
      table.double(`${metric}_max`).nullable();
    }
    table.primary(['instance_id', 'bucket_start'], 'dbaas_metric_rollups_pk');
    table.index(['bucket_start'], 'dbaas_metric_rollups_time_idx');
  });

  await knex.schema.createTable('dbaas_metric_latest', table => {
    table.string('instance_id', 36).primary('dbaas_metric_latest_pk');
    // the last attempt, and whether it reached the instance
    table.bigInteger('attempted_at').notNullable();
    table.boolean('up').notNullable();
    table.text('error').nullable();
    // the last successful reading
    table.bigInteger('collected_at').nullable();
    table.string('run_id', 64).nullable();
    table.bigInteger('uptime_seconds').nullable();
    for (const counter of COUNTERS) {
      table.double(counter).nullable();
    }
    // MetricSnapshot values, and the INFO fields the exporter names cover
    table.text('snapshot').nullable();
    table.text('info').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_metric_latest');
  await knex.schema.dropTable('dbaas_metric_rollups');
  await knex.schema.dropTable('dbaas_metric_samples');
};
