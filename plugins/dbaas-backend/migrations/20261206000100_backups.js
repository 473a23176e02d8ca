/*
 * Backups: the catalog of what the backup store holds (the bytes live in
 * the store, encrypted; the checksums here prove them before a restore),
 * and the backup policy an owner set for an instance.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_backups', table => {
    table.string('id', 36).primary();
    // Not a foreign key: a backup outlives its instance.
    table.string('instance_id', 36).notNullable();
    table.string('instance_name', 64).notNullable();
    table.string('operation_id', 36).notNullable();
    table.string('status', 16).notNullable();
    table.string('trigger', 16).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('finished_at', 30).nullable();
    table.bigInteger('size_bytes').nullable();
    table.bigInteger('stored_bytes').nullable();
    // SHA-256 of each stored (encrypted) object, hex.
    table.string('data_sha256', 64).nullable();
    table.string('meta_sha256', 64).nullable();
    // The manifest without key names, which stay in the encrypted store.
    table.text('manifest').nullable();
    table.text('error').nullable();
    table.unique(['operation_id'], { indexName: 'dbaas_backups_op_uniq' });
    table.index(['instance_id', 'created_at'], 'dbaas_backups_instance_idx');
  });
  await knex.schema.createTable('dbaas_backup_policies', table => {
    table.string('instance_id', 36).primary();
    table.text('policy').notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 30).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_backup_policies');
  await knex.schema.dropTable('dbaas_backups');
};
