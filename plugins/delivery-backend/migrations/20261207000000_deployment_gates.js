// @ts-check

/**
 * Promotions that a deployment system which deploys by itself (GitHub, through
 * a deployment protection rule) asked for: the portal decides and answers it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('promotions', table => {
    table
      .string('gate', 63)
      .nullable()
      .comment('The system that asked and deploys by itself, e.g. github');
    table
      .string('gate_key', 400)
      .nullable()
      .comment(
        'The request in that system; a repeated delivery finds the same promotion',
      );
    table.text('gate_url').nullable();
    table
      .text('gate_callback')
      .nullable()
      .comment('JSON: what the gate needs to answer, opaque to the plugin');
    table.string('gate_answer', 16).nullable();
    table.bigInteger('gate_answered_at').nullable();
    table
      .string('gate_claim_token', 36)
      .nullable()
      .comment('Who is answering: one replica at a time');
    table.bigInteger('gate_claimed_at').nullable();
    table.integer('gate_attempts').notNullable().defaultTo(0);
    table.bigInteger('gate_next_attempt_at').nullable();
    table.text('gate_error').nullable();
    table.unique(['gate_key'], { indexName: 'promotions_gate_key_idx' });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('promotions', table => {
    table.dropUnique(['gate_key'], 'promotions_gate_key_idx');
    table.dropColumns(
      'gate',
      'gate_key',
      'gate_url',
      'gate_callback',
      'gate_answer',
      'gate_answered_at',
      'gate_claim_token',
      'gate_claimed_at',
      'gate_attempts',
      'gate_next_attempt_at',
      'gate_error',
    );
  });
};
