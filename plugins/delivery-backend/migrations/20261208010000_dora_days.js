// @ts-check

// DORA per UTC day, so that a window reads a row per day (and per entity
// where a roll-up rates its members) instead of its deployments and commits
// (PostgreSQL only; SQLite aggregates the window's rows in memory).
//
// `dora_days`, one row per UTC day: the counts of the production
// deployments that finished that day (rework, failed, still failing,
// recovered), of the commits whose first production deployment finished
// that day (with a known time), and how many lead times and recovery times
// fall in each value bucket (`dora_lead_time_bucket`: log scale, 16 per
// doubling, from one second), as an array indexed by bucket + 1. Exact
// medians and 90th percentiles add up a window's arrays, find the bucket
// holding each rank, and read only that bucket's values through an index on
// the bucket, to interpolate as percentile_cont does. It replaces
// `dora_lead_time_days` (a row per day and bucket: a quarter read ~14,000).
//
// `dora_entity_days`, per entity and UTC day: what rating each member of a
// roll-up on its own needs — deployments, failures, recoveries and lead
// times, the last two also counted below each boundary of DORA's tiers, which
// places a median in its tier without sorting.
//
// Statement triggers keep both in step with every write to
// `dora_deployments` and `dora_commits`, incremental or rebuild: one pass
// over the changed rows per statement, both tables written by it (the
// statements are in lib/doraDayCounts.js, which a later migration uses to
// keep the counts per entity as running totals instead).

const {
  DAY,
  DEPLOYMENT_DAY,
  COMMIT_DAY,
  ENTITY_COLUMNS,
  KINDS,
  OPERATIONS,
  existing,
  follow,
  replaceFollowFunctions,
} = require('./lib/doraDayCounts');

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  // Counts per bucket as an array, bucket b at b + 1; gaps are null (none).
  await knex.raw(`
    CREATE FUNCTION dora_bucket_counts(buckets integer[], deltas bigint[])
    RETURNS integer[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      counts integer[] := '{0}';
    BEGIN
      FOR i IN 1 .. coalesce(array_length(buckets, 1), 0) LOOP
        counts[buckets[i] + 1] := coalesce(counts[buckets[i] + 1], 0) + deltas[i];
      END LOOP;
      RETURN counts;
    END $$`);
  await knex.raw(`
    CREATE FUNCTION dora_add_bucket_counts(counts integer[], deltas integer[])
    RETURNS integer[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
      counts := coalesce(counts, '{0}');
      FOR i IN 1 .. coalesce(array_upper(deltas, 1), 0) LOOP
        IF deltas[i] IS NOT NULL AND deltas[i] <> 0 THEN
          counts[i] := coalesce(counts[i], 0) + deltas[i];
        END IF;
      END LOOP;
      RETURN counts;
    END $$`);

  await knex.schema.createTable('dora_days', table => {
    table.comment('DORA counts per UTC day, over every entity');
    table.bigInteger('day').primary().comment('UTC midnight, ms');
    for (const [name] of [...DEPLOYMENT_DAY, ...COMMIT_DAY]) {
      table.integer(name).notNullable().defaultTo(0);
    }
    for (const name of ['lead_time_buckets', 'recovery_buckets']) {
      table
        .specificType(name, 'integer[]')
        .notNullable()
        .defaultTo(knex.raw(`'{0}'`))
        .comment('How many in dora_lead_time_bucket b, at b + 1');
    }
  });
  await knex.schema.createTable('dora_entity_days', table => {
    table.comment('What rates an entity on its own, per UTC day');
    table.bigInteger('day').notNullable().comment('UTC midnight, ms');
    table.string('entity_ref', 255).notNullable();
    for (const name of ENTITY_COLUMNS) {
      table.integer(name).notNullable().defaultTo(0);
    }
  });
  // The counts in the key's index too: a window's rows (every entity's,
  // spread over the table as they were written) read as one stretch of it.
  await knex.raw(`
    ALTER TABLE dora_entity_days ADD CONSTRAINT dora_entity_days_pkey
      PRIMARY KEY (day, entity_ref)
      INCLUDE (${ENTITY_COLUMNS.join(', ')})`);
  // A recovery median reads only its rank's bucket, as the lead times do
  // through dora_commits_lead_time_bucket_idx.
  await knex.raw(`
    CREATE INDEX dora_deployments_recovery_bucket_idx ON dora_deployments
      (dora_lead_time_bucket(recovered_at - finished_at), finished_at)
      INCLUDE (recovered_at)
      WHERE recovered_at IS NOT NULL`);

  // The lead-time triggers' work is done by the commits' triggers below.
  for (const [operation] of OPERATIONS) {
    await knex.raw(
      `DROP TRIGGER dora_lead_time_days_${operation} ON dora_commits`,
    );
    await knex.raw(`DROP FUNCTION dora_lead_time_days_${operation}()`);
  }
  await knex.schema.dropTable('dora_lead_time_days');

  await replaceFollowFunctions(knex, 'per day');
  for (const kind of KINDS) {
    for (const [operation, , tables] of OPERATIONS) {
      await knex.raw(`
        CREATE TRIGGER ${kind.prefix}_${operation}
        AFTER ${operation.toUpperCase()} ON ${kind.table}
        REFERENCING ${tables}
        FOR EACH STATEMENT EXECUTE FUNCTION ${kind.prefix}_${operation}()`);
    }
    // Counted from the rows already there.
    await knex.raw(follow(kind, existing(kind), 'per day'));
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const kind of KINDS) {
    for (const [operation] of OPERATIONS) {
      await knex.raw(
        `DROP TRIGGER ${kind.prefix}_${operation} ON ${kind.table}`,
      );
      await knex.raw(`DROP FUNCTION ${kind.prefix}_${operation}()`);
    }
  }
  await knex.raw('DROP INDEX dora_deployments_recovery_bucket_idx');
  await knex.schema.dropTable('dora_entity_days');
  await knex.schema.dropTable('dora_days');
  await knex.raw('DROP FUNCTION dora_add_bucket_counts(integer[], integer[])');
  await knex.raw('DROP FUNCTION dora_bucket_counts(integer[], bigint[])');

  // dora_lead_time_days as its own migration made it.
  await knex.schema.createTable('dora_lead_time_days', table => {
    table.bigInteger('day').notNullable().comment('UTC midnight, ms');
    table.integer('bucket').notNullable().comment('dora_lead_time_bucket');
    table.integer('commits').notNullable();
    table.primary(['day', 'bucket']);
  });
  /** @type {(rows: string, sign: number) => string} */
  const counted = (rows, sign) => `
    SELECT r.first_finished_at - r.first_finished_at % ${DAY} AS day,
      dora_lead_time_bucket(r.first_finished_at - r.committed_at) AS bucket,
      ${sign} AS delta
    FROM ${rows} r WHERE r.committed_at IS NOT NULL`;
  for (const [operation, signs, tables] of OPERATIONS) {
    const sources = signs.map(sign =>
      counted(sign > 0 ? 'new_commits' : 'old_commits', sign),
    );
    await knex.raw(`
      CREATE FUNCTION dora_lead_time_days_${operation}() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dora_lead_time_days AS t (day, bucket, commits)
        SELECT day, bucket, sum(delta) FROM (${sources.join(
          ' UNION ALL ',
        )}) changed
        GROUP BY day, bucket HAVING sum(delta) <> 0
        ON CONFLICT (day, bucket) DO UPDATE SET commits = t.commits + excluded.commits;
        RETURN NULL;
      END $$`);
    await knex.raw(`
      CREATE TRIGGER dora_lead_time_days_${operation}
      AFTER ${operation.toUpperCase()} ON dora_commits
      REFERENCING ${tables.replace(/_rows/g, '_commits')}
      FOR EACH STATEMENT EXECUTE FUNCTION dora_lead_time_days_${operation}()`);
  }
  await knex.raw(`
    INSERT INTO dora_lead_time_days (day, bucket, commits)
    SELECT first_finished_at - first_finished_at % ${DAY},
      dora_lead_time_bucket(first_finished_at - committed_at), count(*)
    FROM dora_commits WHERE committed_at IS NOT NULL
    GROUP BY 1, 2`);
};
