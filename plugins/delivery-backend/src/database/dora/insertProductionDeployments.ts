import { Knex } from 'knex';
import { chunks } from '../chunks';
import {
  REWORK,
  failedAfter,
  failureCauseAfter,
  isPostgres,
  recoveredAtAfter,
  rowsOf,
  rowsTable,
} from './doraStatements';
import { ProductionDeploymentAfter, StoredDeployment } from './ingestedChanges';

// Nine columns a row on SQLite: well under its limit of bound parameters.
const ROWS_PER_STATEMENT = 3000;

const COLUMNS: Array<{ name: string; type: 'text' | 'bigint' }> = [
  { name: 'deployment_id', type: 'text' },
  { name: 'entity_ref', type: 'text' },
  { name: 'environment', type: 'text' },
  { name: 'finished_at', type: 'bigint' },
  { name: 'trigger', type: 'text' },
  { name: 'head_commit_sha', type: 'text' },
];

const rowOf = (d: StoredDeployment): Knex.Value[] => [
  d.id,
  d.entityRef,
  d.environment,
  d.finishedAt,
  d.trigger,
  d.headCommitSha,
];

// The nearest row of the table before or after `r` in its entity's history
// in its environment, by finished_at then id: one index probe.
function stored(column: string, side: 'before' | 'after'): string {
  const [compare, order] = side === 'before' ? ['<', 'DESC'] : ['>', 'ASC'];
  return `(SELECT p.${column} FROM dora_deployments p
    WHERE p.entity_ref = r.entity_ref AND p.environment = r.environment
      AND (p.finished_at, p.deployment_id) ${compare} (r.finished_at, r.deployment_id)
    ORDER BY p.finished_at ${order}, p.deployment_id ${order}
    LIMIT 1)`;
}

// The batch's rows with their neighbours among themselves (in the same
// entity's history in the same environment) and in the table; the database
// orders the ids, so that ties on finished_at break as in every lookup.
function placedSql(
  batch: string,
  storedNeighbours: { sql: string; prefix: string },
) {
  const nearer = (side: 'predecessor' | 'successor') => {
    const [own, table, compare] =
      side === 'predecessor'
        ? ['batch_predecessor', 'stored_predecessor', '>']
        : ['batch_successor', 'stored_successor', '<'];
    return `${own}_id IS NOT NULL AND (${table}_id IS NULL
      OR (${own}_finished_at, ${own}_id) ${compare} (${table}_finished_at, ${table}_id))`;
  };
  const pick = (side: 'predecessor' | 'successor', column: string) => {
    const [own, table] =
      side === 'predecessor'
        ? ['batch_predecessor', 'stored_predecessor']
        : ['batch_successor', 'stored_successor'];
    return `CASE WHEN ${nearer(
      side,
    )} THEN ${own}_${column} ELSE ${table}_${column} END`;
  };
  return `SELECT deployment_id, entity_ref, environment, finished_at, trigger, head_commit_sha,
      ${pick('predecessor', 'id')} AS predecessor_id,
      ${pick('predecessor', 'finished_at')} AS predecessor_finished_at,
      CASE WHEN ${nearer(
        'predecessor',
      )} THEN 1 ELSE 0 END AS predecessor_in_batch,
      ${pick('successor', 'id')} AS successor_id,
      ${pick('successor', 'finished_at')} AS successor_finished_at,
      ${pick('successor', 'trigger')} AS successor_trigger
    FROM (
      SELECT r.*, ${storedNeighbours.prefix}
      FROM (
        SELECT b.*,
          lag(b.deployment_id) OVER w AS batch_predecessor_id,
          lag(b.finished_at) OVER w AS batch_predecessor_finished_at,
          lead(b.deployment_id) OVER w AS batch_successor_id,
          lead(b.finished_at) OVER w AS batch_successor_finished_at,
          lead(b.trigger) OVER w AS batch_successor_trigger
        FROM ${batch}
        WINDOW w AS (PARTITION BY b.entity_ref, b.environment ORDER BY b.finished_at, b.deployment_id)
      ) r ${storedNeighbours.sql}
    ) n`;
}

// What a deployment's failure is right after it joins the history: it has
// no incidents yet, so its successor's trigger decides.
const INSERT_FROM = (source: string) => `
  INSERT INTO dora_deployments (deployment_id, entity_ref, environment, finished_at, trigger,
    head_commit_sha, next_deployment_id, next_finished_at, next_trigger,
    failed, failure_cause, recovered_at)
  SELECT x.deployment_id, x.entity_ref, x.environment, x.finished_at, x.trigger,
    x.head_commit_sha, x.successor_id, x.successor_finished_at, x.successor_trigger,
    CASE WHEN x.successor_trigger IN ${REWORK} THEN 1 ELSE 0 END,
    CASE WHEN x.successor_trigger IN ${REWORK} THEN x.successor_trigger END,
    CASE WHEN x.successor_trigger IN ${REWORK} THEN x.successor_finished_at END
  FROM ${source}`;

// A stored deployment that a new one directly follows gets it as successor,
// and the failure and recovery that follow from it; written only if it changes.
const PRECEDED_SET = `
  next_deployment_id = x.deployment_id,
  next_finished_at = x.finished_at,
  next_trigger = x.trigger,
  failed = ${failedAfter('x.trigger')},
  failure_cause = ${failureCauseAfter('x.trigger')},
  recovered_at = ${recoveredAtAfter('x.trigger', 'x.finished_at')}`;
const PRECEDED_WHERE = `dora_deployments.deployment_id = x.predecessor_id
  AND (dora_deployments.next_deployment_id IS DISTINCT FROM x.deployment_id
    OR dora_deployments.next_finished_at IS DISTINCT FROM x.finished_at
    OR dora_deployments.next_trigger IS DISTINCT FROM x.trigger)`;

// Whether the predecessor is one of the batch rides along (a row per
// deployment, not copied to drop it).
type Placed = ProductionDeploymentAfter & {
  predecessor_in_batch: number | boolean;
};

/**
 * Adds succeeded production deployments, none of which is in
 * `dora_deployments` yet, to the production history: each with its
 * successor (among themselves and the stored ones) and the failure that
 * follows from it, and each stored deployment one of them directly follows
 * with that one as its successor. Answers where each now is, as
 * {@link ProductionDeploymentAfter}. One statement on PostgreSQL, which
 * also looks each neighbour up once; on SQLite a read, an insert and an
 * update.
 */
export async function insertProductionDeployments(
  tx: Knex.Transaction,
  deployments: StoredDeployment[],
): Promise<ProductionDeploymentAfter[]> {
  if (deployments.length === 0) {
    return [];
  }
  if (isPostgres(tx)) {
    const batch = rowsTable(tx, 'b', COLUMNS, deployments.map(rowOf));
    const neighbours = {
      prefix: `sp.deployment_id AS stored_predecessor_id,
        sp.finished_at AS stored_predecessor_finished_at,
        ss.deployment_id AS stored_successor_id,
        ss.finished_at AS stored_successor_finished_at,
        ss.trigger AS stored_successor_trigger`,
      sql: ['before', 'after']
        .map(side => {
          const [compare, order, alias] =
            side === 'before' ? ['<', 'DESC', 'sp'] : ['>', 'ASC', 'ss'];
          return `LEFT JOIN LATERAL (
          SELECT p.deployment_id, p.finished_at, p.trigger FROM dora_deployments p
          WHERE p.entity_ref = r.entity_ref AND p.environment = r.environment
            AND (p.finished_at, p.deployment_id) ${compare} (r.finished_at, r.deployment_id)
          ORDER BY p.finished_at ${order}, p.deployment_id ${order}
          LIMIT 1) ${alias} ON true`;
        })
        .join('\n'),
    };
    // The sibling statements see the table as it was before: the insert and
    // the update touch different rows.
    const result = await tx.raw(
      `WITH placed AS MATERIALIZED (${placedSql(batch.sql, neighbours)}),
       inserted AS (${INSERT_FROM('placed x')}),
       preceded AS (
         UPDATE dora_deployments SET ${PRECEDED_SET}
         FROM placed x
         WHERE x.predecessor_in_batch = 0 AND ${PRECEDED_WHERE}
       )
       SELECT * FROM placed`,
      batch.bindings,
    );
    return rowsOf<Placed>(result);
  }
  const placed: Placed[] = [];
  for (const chunk of chunks(deployments, ROWS_PER_STATEMENT)) {
    const batch = rowsTable(tx, 'b', COLUMNS, chunk.map(rowOf));
    const rows = rowsOf<Placed>(
      await tx.raw(
        placedSql(batch.sql, {
          prefix: `${stored(
            'deployment_id',
            'before',
          )} AS stored_predecessor_id,
            ${stored(
              'finished_at',
              'before',
            )} AS stored_predecessor_finished_at,
            ${stored('deployment_id', 'after')} AS stored_successor_id,
            ${stored('finished_at', 'after')} AS stored_successor_finished_at,
            ${stored('trigger', 'after')} AS stored_successor_trigger`,
          sql: '',
        }),
        batch.bindings,
      ),
    );
    placed.push(...rows);
    const values = (list: Placed[], columns: Array<keyof Placed>) =>
      rowsTable(
        tx,
        'x',
        columns.map(name => ({ name, type: 'text' })),
        list.map(row => columns.map(column => row[column] as Knex.Value)),
      );
    const inserted = values(rows, [
      'deployment_id',
      'entity_ref',
      'environment',
      'finished_at',
      'trigger',
      'head_commit_sha',
      'successor_id',
      'successor_finished_at',
      'successor_trigger',
    ]);
    await tx.raw(INSERT_FROM(inserted.sql), inserted.bindings);
    const preceding = rows.filter(
      row => row.predecessor_id !== null && !row.predecessor_in_batch,
    );
    if (preceding.length > 0) {
      const preceded = values(preceding, [
        'predecessor_id',
        'deployment_id',
        'finished_at',
        'trigger',
      ]);
      await tx.raw(
        `UPDATE dora_deployments SET ${PRECEDED_SET}
         FROM ${preceded.sql}
         WHERE ${PRECEDED_WHERE}`,
        preceded.bindings,
      );
    }
  }
  return placed;
}
