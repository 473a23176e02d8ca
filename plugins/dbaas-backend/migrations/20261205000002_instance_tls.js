/*
 * TLS per instance: tls_mode on the instance ('disabled' or 'required'),
 * and the instance's own CA, whose private key is stored encrypted like
 * every other secret. generation counts certificate rotations; every node
 * certificate of a generation expires at certificates_not_after.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dbaas_instances', table => {
    table.string('tls_mode').notNullable().defaultTo('disabled');
  });
  await knex.schema.createTable('dbaas_instance_tls', table => {
    table
      .string('instance_id')
      .primary()
      .references('id')
      .inTable('dbaas_instances')
      .onDelete('CASCADE');
    table.text('ca_certificate').notNullable();
    table.text('ca_private_key_enc').notNullable();
    table.integer('generation').notNullable();
    table.string('certificates_not_after').notNullable();
    table.string('updated_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dbaas_instance_tls');
  await knex.schema.alterTable('dbaas_instances', table => {
    table.dropColumn('tls_mode');
  });
};
