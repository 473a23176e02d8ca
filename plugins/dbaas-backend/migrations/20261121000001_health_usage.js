/*
 * Memory use and uptime from the health check's INFO, for the fleet page and
 * the Redis tab.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dbaas_instances', table => {
    // bigint: used_memory passes 2 GiB on large instances
    table.bigInteger('health_used_memory_bytes').nullable();
    table.bigInteger('health_uptime_seconds').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dbaas_instances', table => {
    table.dropColumn('health_used_memory_bytes');
    table.dropColumn('health_uptime_seconds');
  });
};
