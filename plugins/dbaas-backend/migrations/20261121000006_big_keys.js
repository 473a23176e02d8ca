/*
 * Big-key scans: their stored reports, and on operations the progress a
 * long step saves as it runs and who asked to cancel it.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_key_scans', table => {
    table.increments('id');
    table.string('instance_id', 36).notNullable();
    table.string('operation_id', 36).notNullable();
    table.string('started_at', 30).notNullable();
    table.string('finished_at', 30).notNullable();
    // The whole KeyScanReport as JSON; key names are user data and live
    // only here and in API responses.
    table.text('report').notNullable();
    table.unique(['operation_id'], { indexName: 'dbaas_key_scans_op_uniq' });
    table.index(['instance_id', 'finished_at'], 'dbaas_key_scans_instance_idx');
  });

  await knex.schema.alterTable('dbaas_operations', table => {
    table.text('progress').nullable();
    table.string('cancel_requested_by', 255).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dbaas_operations', table => {
    table.dropColumn('progress');
    table.dropColumn('cancel_requested_by');
  });
  await knex.schema.dropTable('dbaas_key_scans');
};
