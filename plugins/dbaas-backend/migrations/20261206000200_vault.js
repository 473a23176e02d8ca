/*
 * Vault: users Vault creates and rotates are recorded by their password
 * hashes only (Vault alone knows the passwords), so the control plane can
 * put them on every node and into every ACL file. An instance's
 * registration with Vault says which node Vault talks to; leases are kept
 * so owners can renew and revoke what they were issued, and for audit.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dbaas_acl_users', table => {
    // Vault users only, JSON [{hash, addedAt, retiresAt?}]: SHA-256 hashes
    table.text('password_hashes').nullable();
  });
  await knex.schema.createTable('dbaas_vault_registrations', table => {
    table.string('instance_id', 36).primary();
    // Vault's paths are named after it; kept until Vault forgets the instance
    table.string('instance_name', 128).notNullable();
    // pending | registered | removing: the follower task retries pending
    // ones and removes those of deleted instances from Vault
    table.string('status', 16).notNullable();
    table.text('message').nullable();
    // the node Vault's plugin talks to, and the address Vault was given
    table.string('node_id', 255).nullable();
    table.string('host', 255).nullable();
    table.integer('port').nullable();
    table.string('vault_username', 64).notNullable();
    // JSON names of the dynamic roles (presets)
    table.text('roles').notNullable();
    // JSON usernames handed to Vault static roles
    table.text('static_roles').notNullable().defaultTo('[]');
    table.string('updated_at', 30).notNullable();
  });
  await knex.schema.createTable('dbaas_vault_leases', table => {
    table.string('lease_id', 255).primary();
    table.string('instance_id', 36).notNullable();
    table.string('username', 128).notNullable();
    table.string('role', 64).notNullable();
    table.string('issued_by', 255).notNullable();
    table.string('issued_at', 30).notNullable();
    table.string('expires_at', 30).notNullable();
    table.string('revoked_at', 30).nullable();
    table.index(['instance_id'], 'dbaas_vault_leases_instance_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_vault_leases');
  await knex.schema.dropTable('dbaas_vault_registrations');
  await knex.schema.alterTable('dbaas_acl_users', table => {
    table.dropColumn('password_hashes');
  });
};
