/*
 * The control plane's state: what was asked (instances), how it is being
 * done (operations, their steps and log), what happened (events), and the
 * encrypted passwords of each instance's ACL users.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_instances', table => {
    table.string('id', 36).primary();
    table.string('name', 40).notNullable();
    table.string('owner', 255).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('system', 255).nullable();
    table.string('engine', 16).notNullable();
    table.string('version', 32).notNullable();
    table.string('platform', 64).notNullable();
    table.string('region', 64).notNullable();
    table.integer('memory_mb').notNullable();
    table.float('cpu').notNullable();
    table.integer('disk_gb').notNullable();
    table.string('persistence', 8).notNullable();
    table.string('maxmemory_policy', 32).notNullable();
    table.text('config').notNullable().defaultTo('{}');
    table.string('status', 16).notNullable();
    table.text('endpoints').notNullable().defaultTo('[]');
    table.boolean('health_up').nullable();
    table.string('health_checked_at', 30).nullable();
    table.text('health_error').nullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.unique(['name'], { indexName: 'dbaas_instances_name_uniq' });
    table.index(['owner'], 'dbaas_instances_owner_idx');
    table.index(['status'], 'dbaas_instances_status_idx');
    table.index(['platform'], 'dbaas_instances_platform_idx');
  });

  await knex.schema.createTable('dbaas_operations', table => {
    table.string('id', 36).primary();
    table.string('instance_id', 36).notNullable();
    // Kept on the operation so it stays readable and authorizable after
    // its instance is deleted.
    table.string('instance_name', 40).notNullable();
    table.string('owner', 255).notNullable();
    table.string('type', 16).notNullable();
    table.string('status', 16).notNullable();
    table.text('params').notNullable().defaultTo('{}');
    table.text('error').nullable();
    table.string('created_by', 255).notNullable();
    table.string('idempotency_key', 255).nullable();
    table.string('created_at', 30).notNullable();
    table.string('started_at', 30).nullable();
    table.string('finished_at', 30).nullable();
    table.string('lease_owner', 64).nullable();
    table.string('lease_expires_at', 30).nullable();
    table.string('not_before', 30).nullable();
    table.integer('claims').notNullable().defaultTo(0);
    table.index(['instance_id'], 'dbaas_operations_instance_idx');
    table.index(['status'], 'dbaas_operations_status_idx');
    table.unique(['created_by', 'idempotency_key'], {
      indexName: 'dbaas_operations_idempotency_uniq',
    });
  });

  await knex.schema.createTable('dbaas_operation_steps', table => {
    table.string('operation_id', 36).notNullable();
    table.integer('idx').notNullable();
    table.string('name', 64).notNullable();
    table.string('status', 16).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.string('started_at', 30).nullable();
    table.string('finished_at', 30).nullable();
    table.text('error').nullable();
    table.primary(['operation_id', 'idx'], 'dbaas_operation_steps_pk');
  });

  await knex.schema.createTable('dbaas_operation_log', table => {
    table.increments('id');
    table.string('operation_id', 36).notNullable();
    table.string('at', 30).notNullable();
    table.string('level', 8).notNullable();
    table.text('message').notNullable();
    table.index(['operation_id'], 'dbaas_operation_log_operation_idx');
  });

  await knex.schema.createTable('dbaas_events', table => {
    table.increments('id');
    table.string('instance_id', 36).notNullable();
    table.string('type', 64).notNullable();
    table.string('actor', 255).notNullable();
    table.text('message').notNullable();
    table.string('created_at', 30).notNullable();
    table.index(['instance_id'], 'dbaas_events_instance_idx');
  });

  await knex.schema.createTable('dbaas_credentials', table => {
    table.string('instance_id', 36).notNullable();
    table.string('username', 64).notNullable();
    // admin: the control plane's own user; app: the instance's default user
    table.string('role', 16).notNullable();
    // AES-256-GCM ciphertext, never the password itself
    table.text('password_enc').notNullable();
    table.string('created_at', 30).notNullable();
    table.primary(['instance_id', 'username'], 'dbaas_credentials_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_credentials');
  await knex.schema.dropTable('dbaas_events');
  await knex.schema.dropTable('dbaas_operation_log');
  await knex.schema.dropTable('dbaas_operation_steps');
  await knex.schema.dropTable('dbaas_operations');
  await knex.schema.dropTable('dbaas_instances');
};
