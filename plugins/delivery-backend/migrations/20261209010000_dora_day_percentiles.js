// @ts-check

// Each UTC day's exact percentiles, kept in `dora_days` once a read has
// computed them: the median and 90th percentile of the lead times whose
// first production deployment finished that day, and the median of the
// recovery times of the deployments that finished that day. A daily series
// reads them instead of two or three value buckets per day. The statement
// triggers forget a day's percentiles whenever a change falls on that day
// (see lib/doraDayCounts.js); a read keeps those it computed only if the
// day's row is still the version it read (see everybodyByDay.ts).
// PostgreSQL only, as `dora_days`.

const { replaceFollowFunctions } = require('./lib/doraDayCounts');

const PERCENTILES = ['lead_time_median', 'lead_time_p90', 'recovery_median'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.schema.alterTable('dora_days', table => {
    for (const name of PERCENTILES) {
      table
        .double(name)
        .nullable()
        .comment('ms, as percentile_cont gives it; null until a read keeps it');
    }
  });
  await replaceFollowFunctions(knex, 'running totals', true);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await replaceFollowFunctions(knex, 'running totals');
  await knex.schema.alterTable('dora_days', table => {
    table.dropColumns(...PERCENTILES);
  });
};
