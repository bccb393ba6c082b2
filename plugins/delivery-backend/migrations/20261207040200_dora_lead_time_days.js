// @ts-check

// Exact lead-time medians and 90th percentiles without sorting the window
// (PostgreSQL only; SQLite aggregates in memory). `dora_lead_time_days`
// counts, per UTC day of the first production deployment and per value
// bucket of the lead time (log scale, 16 buckets per doubling, from one
// second), the commits of `dora_commits`; statement triggers keep it in step
// with every write to `dora_commits`, incremental or rebuild. A query adds
// up the counts of its days, finds the buckets that hold the ranks it wants,
// and reads only the lead times of those buckets, through an index on the
// bucket, to interpolate exactly as percentile_cont does.

const DAY = 86_400_000;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(`
    CREATE FUNCTION dora_lead_time_bucket(lead_time bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN lead_time < 1000 THEN 0
        ELSE 1 + floor(ln(lead_time / 1000.0::float8) * (16 / ln(2::float8)))::integer END
    $$`);
  await knex.schema.createTable('dora_lead_time_days', table => {
    table.comment(
      'Commits with a known time per UTC day of their first production deployment and lead-time bucket',
    );
    table.bigInteger('day').notNullable().comment('UTC midnight, ms');
    table.integer('bucket').notNullable().comment('dora_lead_time_bucket');
    table.integer('commits').notNullable();
    table.primary(['day', 'bucket']);
  });
  await knex.raw(`
    CREATE INDEX dora_commits_lead_time_bucket_idx ON dora_commits
      (dora_lead_time_bucket(first_finished_at - committed_at), first_finished_at)
      INCLUDE (committed_at)
      WHERE committed_at IS NOT NULL`);
  // One function per kind of statement: a trigger with transition tables
  // has one event.
  /** @type {(rows: string, sign: number) => string} */
  const counted = (rows, sign) => `
    SELECT r.first_finished_at - r.first_finished_at % ${DAY} AS day,
      dora_lead_time_bucket(r.first_finished_at - r.committed_at) AS bucket,
      ${sign} AS delta
    FROM ${rows} r WHERE r.committed_at IS NOT NULL`;
  /** @type {(sources: string[]) => string} */
  const follow = sources => `
    INSERT INTO dora_lead_time_days AS t (day, bucket, commits)
    SELECT day, bucket, sum(delta) FROM (${sources.join(' UNION ALL ')}) changed
    GROUP BY day, bucket HAVING sum(delta) <> 0
    ON CONFLICT (day, bucket) DO UPDATE SET commits = t.commits + excluded.commits`;
  /** @type {Array<[string, string[]]>} */
  const operations = [
    ['insert', [counted('new_commits', 1)]],
    ['update', [counted('new_commits', 1), counted('old_commits', -1)]],
    ['delete', [counted('old_commits', -1)]],
  ];
  for (const [operation, sources] of operations) {
    const tables = [
      operation !== 'insert' ? 'OLD TABLE AS old_commits' : '',
      operation !== 'delete' ? 'NEW TABLE AS new_commits' : '',
    ].join(' ');
    await knex.raw(`
      CREATE FUNCTION dora_lead_time_days_${operation}() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        ${follow(sources)};
        RETURN NULL;
      END $$`);
    await knex.raw(`
      CREATE TRIGGER dora_lead_time_days_${operation}
      AFTER ${operation.toUpperCase()} ON dora_commits
      REFERENCING ${tables}
      FOR EACH STATEMENT EXECUTE FUNCTION dora_lead_time_days_${operation}()`);
  }
  // Counted from the rows already there.
  await knex.raw(`
    INSERT INTO dora_lead_time_days (day, bucket, commits)
    SELECT first_finished_at - first_finished_at % ${DAY},
      dora_lead_time_bucket(first_finished_at - committed_at), count(*)
    FROM dora_commits WHERE committed_at IS NOT NULL
    GROUP BY 1, 2`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const operation of ['insert', 'update', 'delete']) {
    await knex.raw(
      `DROP TRIGGER dora_lead_time_days_${operation} ON dora_commits`,
    );
    await knex.raw(`DROP FUNCTION dora_lead_time_days_${operation}()`);
  }
  await knex.raw('DROP INDEX dora_commits_lead_time_bucket_idx');
  await knex.schema.dropTable('dora_lead_time_days');
  await knex.raw('DROP FUNCTION dora_lead_time_bucket(bigint)');
};
