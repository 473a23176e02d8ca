/*
 * ACL users of an instance besides the control plane's own: the default
 * `app` user, made with the instance, and those its owners add. A user may
 * hold several passwords while a rotation's grace period runs; each is
 * encrypted like every other secret. The app users recorded so far move
 * here from dbaas_credentials, which keeps the control plane's user only.
 */

// @ts-check
const { randomUUID } = require('node:crypto');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_acl_users', table => {
    table.string('instance_id', 36).notNullable();
    table.string('username', 64).notNullable();
    // read-only | read-write-safe | read-write | full | custom
    table.string('preset', 32).notNullable();
    // key patterns of a preset user, JSON
    table.text('keys').notNullable();
    // the effective ACL rules after the passwords
    table.text('rules').notNullable();
    // product | vault: who sets the passwords
    table.string('managed_by', 16).notNullable();
    table.boolean('is_default').notNullable().defaultTo(false);
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.primary(['instance_id', 'username'], 'dbaas_acl_users_pk');
  });
  await knex.schema.createTable('dbaas_acl_passwords', table => {
    table.string('id', 36).primary();
    table.string('instance_id', 36).notNullable();
    table.string('username', 64).notNullable();
    // AES-256-GCM ciphertext, never the password itself
    table.text('password_enc').notNullable();
    table.string('created_at', 30).notNullable();
    // set when a rotation replaces it: the end of its grace period
    table.string('retires_at', 30).nullable();
    table.index(['instance_id', 'username'], 'dbaas_acl_passwords_user_idx');
  });

  const apps = await knex('dbaas_credentials').where({ role: 'app' });
  for (const app of apps) {
    await knex('dbaas_acl_users').insert({
      instance_id: app.instance_id,
      username: app.username,
      preset: 'full',
      keys: '[]',
      rules: '~* &* +@all -@admin',
      managed_by: 'product',
      is_default: true,
      created_by: 'justmanage',
      created_at: app.created_at,
      updated_at: app.created_at,
    });
    await knex('dbaas_acl_passwords').insert({
      id: randomUUID(),
      instance_id: app.instance_id,
      username: app.username,
      password_enc: app.password_enc,
      created_at: app.created_at,
      retires_at: null,
    });
  }
  await knex('dbaas_credentials').where({ role: 'app' }).delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const apps = await knex('dbaas_acl_users')
    .join('dbaas_acl_passwords', function joinPasswords() {
      this.on(
        'dbaas_acl_users.instance_id',
        'dbaas_acl_passwords.instance_id',
      ).andOn('dbaas_acl_users.username', 'dbaas_acl_passwords.username');
    })
    .where('dbaas_acl_users.is_default', true)
    .whereNull('dbaas_acl_passwords.retires_at')
    .select(
      'dbaas_acl_users.instance_id',
      'dbaas_acl_users.username',
      'dbaas_acl_passwords.password_enc',
      'dbaas_acl_passwords.created_at',
    );
  for (const app of apps) {
    await knex('dbaas_credentials').insert({ ...app, role: 'app' });
  }
  await knex.schema.dropTable('dbaas_acl_passwords');
  await knex.schema.dropTable('dbaas_acl_users');
};
