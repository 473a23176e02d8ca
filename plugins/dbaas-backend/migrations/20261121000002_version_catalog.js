/*
 * What the release watcher fetched from upstream feeds (GitHub releases and
 * security advisories), and how each feed's last refresh went. The shipped
 * data file is not copied here: the catalog merges both at read time, so a
 * plugin upgrade with newer shipped data takes effect without a migration.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dbaas_version_releases', table => {
    table.string('engine', 16).notNullable();
    table.string('version', 64).notNullable();
    // the release as the catalog serves it (VersionRelease, JSON)
    table.text('data').notNullable();
    table.string('feed_id', 64).notNullable();
    table.string('fetched_at', 32).notNullable();
    table.primary(['engine', 'version'], 'dbaas_version_releases_pk');
  });
  await knex.schema.createTable('dbaas_advisories', table => {
    table.string('engine', 16).notNullable();
    table.string('id', 64).notNullable();
    // the advisory as the catalog serves it (Advisory, JSON)
    table.text('data').notNullable();
    table.string('feed_id', 64).notNullable();
    table.string('fetched_at', 32).notNullable();
    table.primary(['engine', 'id'], 'dbaas_advisories_pk');
  });
  await knex.schema.createTable('dbaas_release_feeds', table => {
    table.string('id', 64).primary();
    table.string('url', 1024).notNullable();
    table.boolean('ok').notNullable();
    table.string('checked_at', 32).nullable();
    table.string('last_success_at', 32).nullable();
    table.text('error').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_release_feeds');
  await knex.schema.dropTable('dbaas_advisories');
  await knex.schema.dropTable('dbaas_version_releases');
};
