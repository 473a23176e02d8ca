/*
 * A user's password may be rotated on a schedule: every rotate_every_days
 * days after its last rotation (or its creation), with the grace its
 * owners chose. Both stay null for a user rotated on demand only. The last
 * rotation is not stored here: it is the newest password's created_at,
 * which a rotation writes in the same transaction as its operation.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dbaas_acl_users', table => {
    table.integer('rotate_every_days').nullable();
    table.integer('rotation_grace_seconds').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dbaas_acl_users', table => {
    table.dropColumn('rotate_every_days');
    table.dropColumn('rotation_grace_seconds');
  });
};
