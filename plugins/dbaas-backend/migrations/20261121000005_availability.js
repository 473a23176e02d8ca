/*
 * Availability and alerts.
 *
 * Health checks are kept as transitions rather than a row per check: one
 * row per instance with the state the last check saw (and since when), and
 * one row per incident (a run of failed checks). The state holds from one
 * check to the next, so uptime over any window follows from the incidents
 * alone; see src/availability/uptime.ts.
 *
 * Alerts are one row per firing of a rule. `open_key` is set while the
 * alert fires and cleared when it resolves: its unique index lets exactly
 * one backend replica open an alert, whoever evaluates first.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_availability', table => {
    table.string('instance_id', 36).primary();
    table.string('first_checked_at', 30).notNullable();
    table.string('last_checked_at', 30).notNullable();
    table.boolean('up').notNullable();
    // when the current up or down run began
    table.string('since', 30).notNullable();
    table.integer('consecutive_failures').notNullable().defaultTo(0);
    table.bigInteger('checks').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('dbaas_incidents', table => {
    table.increments('id');
    table.string('instance_id', 36).notNullable();
    table.string('started_at', 30).notNullable();
    table.string('ended_at', 30).nullable();
    table.integer('failed_checks').notNullable().defaultTo(1);
    table.text('error').nullable();
    table.index(['instance_id', 'started_at'], 'dbaas_incidents_instance_idx');
    table.index(['ended_at'], 'dbaas_incidents_ended_idx');
  });

  await knex.schema.createTable('dbaas_alert_rules', table => {
    table.string('instance_id', 36).primary();
    // only what differs from the defaults, as JSON
    table.text('overrides').notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 30).notNullable();
  });

  await knex.schema.createTable('dbaas_alerts', table => {
    table.string('id', 36).primary();
    table.string('instance_id', 36).notNullable();
    table.string('rule', 32).notNullable();
    table.string('state', 16).notNullable();
    table.string('open_key', 80).nullable();
    table.text('message').notNullable();
    table.double('value').nullable();
    table.double('threshold').nullable();
    table.string('started_at', 30).notNullable();
    table.string('evaluated_at', 30).notNullable();
    table.string('resolved_at', 30).nullable();
    table.string('notified_at', 30).nullable();
    table.string('recovery_notified_at', 30).nullable();
    // a replica sending a notification holds it until then
    table.string('notify_lease_until', 30).nullable();
    table.unique(['open_key'], { indexName: 'dbaas_alerts_open_uniq' });
    table.index(['instance_id', 'started_at'], 'dbaas_alerts_instance_idx');
    table.index(['state'], 'dbaas_alerts_state_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_alerts');
  await knex.schema.dropTable('dbaas_alert_rules');
  await knex.schema.dropTable('dbaas_incidents');
  await knex.schema.dropTable('dbaas_availability');
};
