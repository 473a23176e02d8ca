/*
 * The networks (and on Kubernetes namespaces) whose clients may connect to
 * an instance, as JSON {cidrs, namespaces?}. Null for instances made before
 * allow-lists: their platform keeps listening as it did.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dbaas_instances', table => {
    table.text('allow_list').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dbaas_instances', table => {
    table.dropColumn('allow_list');
  });
};
