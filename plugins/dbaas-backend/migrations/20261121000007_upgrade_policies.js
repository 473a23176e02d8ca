/*
 * Upgrade policies and maintenance windows: per instance the policy, the log
 * of what the maintenance job decided, the patch targets it attempted (once
 * each, enforced by a unique index so replicas cannot both start one) and
 * the notices it sent (once each, the same way).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_upgrade_policies', table => {
    table.string('instance_id', 36).primary();
    table.string('mode', 16).notNullable();
    table.boolean('security_only').notNullable().defaultTo(false);
    // [{ phrase, window, notes }] as JSON, phrases normalized.
    table.text('windows').notNullable();
    table.text('blackout_dates').notNullable();
    table.string('snoozed_until', 30).nullable();
    // The last decision logged, so a job running every minute logs changes
    // rather than the same skip over and over.
    table.string('last_decision', 255).nullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['mode'], 'dbaas_upgrade_policies_mode_idx');
  });

  await knex.schema.createTable('dbaas_maintenance_decisions', table => {
    table.increments('id');
    table.string('instance_id', 36).notNullable();
    table.string('decided_at', 30).notNullable();
    table.string('outcome', 16).notNullable();
    table.string('reason', 32).notNullable();
    table.text('message').notNullable();
    table.string('target', 100).nullable();
    table.string('operation_id', 36).nullable();
    table.index(['instance_id', 'id'], 'dbaas_maint_decisions_instance_idx');
  });

  await knex.schema.createTable('dbaas_maintenance_attempts', table => {
    table.increments('id');
    table.string('instance_id', 36).notNullable();
    table.string('engine', 16).notNullable();
    table.string('version', 64).notNullable();
    table.string('reason', 255).notNullable();
    table.string('attempted_at', 30).notNullable();
    table.string('operation_id', 36).nullable();
    // null while the upgrade runs; succeeded, failed or not-started after.
    table.string('result', 16).nullable();
    table.string('finished_at', 30).nullable();
    table.unique(['instance_id', 'engine', 'version'], {
      indexName: 'dbaas_maint_attempts_target_uniq',
    });
    table.index(['result'], 'dbaas_maint_attempts_result_idx');
  });

  await knex.schema.createTable('dbaas_maintenance_notices', table => {
    table.increments('id');
    table.string('instance_id', 36).notNullable();
    table.string('opening_start', 30).notNullable();
    table.string('engine', 16).notNullable();
    table.string('version', 64).notNullable();
    table.string('sent_at', 30).notNullable();
    table.unique(['instance_id', 'opening_start', 'engine', 'version'], {
      indexName: 'dbaas_maint_notices_uniq',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_maintenance_notices');
  await knex.schema.dropTable('dbaas_maintenance_attempts');
  await knex.schema.dropTable('dbaas_maintenance_decisions');
  await knex.schema.dropTable('dbaas_upgrade_policies');
};
