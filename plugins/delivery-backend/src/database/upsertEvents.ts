import {
  DeploymentEvent,
  IncidentEvent,
  isNewerStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { arrayParameter } from './arrayParameter';
import { chunks, eachChunk } from './chunks';
import {
  EventIdConflict,
  OWNER_COLUMNS,
  storedOwnerConflicts,
  winners,
} from './eventBatches';
import { IngestedChanges, StoredDeployment } from './dora/ingestedChanges';
import {
  DEPLOYMENT_COLUMNS,
  INCIDENT_COLUMNS,
  toMillis,
  toOptionalMillis,
} from './rows';

// SQLite allows 32,766 bound parameters per statement; staying under this
// keeps a 1000-event batch to one statement per table. (PostgreSQL gets one
// array parameter per column, see rowsSource.)
const PARAMETERS_PER_STATEMENT = 30_000;

type ColumnType = 'text' | 'bigint';

// The PostgreSQL type each written column is sent as, in an array.
const COLUMN_TYPES: Record<string, ColumnType> = {
  started_at: 'bigint',
  finished_at: 'bigint',
  sort_at: 'bigint',
  received_at: 'bigint',
  updated_at: 'bigint',
  opened_at: 'bigint',
  resolved_at: 'bigint',
  committed_at: 'bigint',
};

// The columns read, then those only the store keeps (and the times of
// the write, the same for every row, see upsert).
const WRITTEN_DEPLOYMENT_COLUMNS = [...DEPLOYMENT_COLUMNS, 'sort_at'];
const WRITTEN_INCIDENT_COLUMNS = INCIDENT_COLUMNS;

const COMMIT_COLUMNS = [
  'deployment_id',
  'sha',
  'committed_at',
  'message',
  'author',
];

type Value = string | number | null;

const quote = (column: string) => `"${column}"`;

/**
 * The rows to insert, as a `FROM` item named `source` for the `SELECT` of an
 * `INSERT`: on PostgreSQL `unnest` of one array parameter per column, which
 * it parses and plans in a fraction of the time a thousand-row `VALUES` list
 * of bound parameters takes (the whole batch in one statement); on SQLite a
 * `VALUES` list, in chunks under its limit of bound parameters.
 */
function rowsSources(
  tx: Knex.Transaction,
  columns: string[],
  rows: Value[][],
): Array<{ sql: string; bindings: Knex.Value[] }> {
  if (tx.client.config.client === 'pg') {
    return [
      {
        sql: `unnest(${columns
          .map(column => `?::${COLUMN_TYPES[column] ?? 'text'}[]`)
          .join(', ')}) AS source`,
        bindings: columns.map((column, index) =>
          arrayParameter(
            rows.map(row => row[index]),
            COLUMN_TYPES[column] ?? 'text',
          ),
        ),
      },
    ];
  }
  const rowPlaceholder = `(${columns.map(() => '?').join(', ')})`;
  const rowsPerStatement = Math.floor(
    PARAMETERS_PER_STATEMENT / columns.length,
  );
  return chunks(rows, rowsPerStatement).map(chunk => {
    // The leading values of each row, one per column.
    const bindings: Value[] = [];
    for (const row of chunk) {
      for (let index = 0; index < columns.length; index++) {
        bindings.push(row[index]);
      }
    }
    return {
      sql: `(VALUES ${chunk.map(() => rowPlaceholder).join(', ')}) AS source`,
      bindings,
    };
  });
}

/**
 * One multi-row `INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING`
 * per chunk, the same SQL on PostgreSQL and SQLite (≥ 3.35). Returns the ids
 * of the rows that were inserted or replaced, not of those the WHERE kept.
 */
async function upsert(
  tx: Knex.Transaction,
  options: {
    table: string;
    columns: string[];
    rows: Value[][];
    keepColumns: string[];
    replaceWhen: string;
    /** When this is written: `received_at` and `updated_at` of every row. */
    now: number;
    /** A column counting replacements, read back to tell them from inserts. */
    revisionColumn?: string;
  },
): Promise<Array<{ id: string; replaced: boolean }>> {
  const { table, keepColumns, replaceWhen, revisionColumn } = options;
  // The times of the write are the same for every row: written as literals
  // (an integer), not bound as two more parameters a row.
  const now = Math.trunc(options.now);
  const columns = [...options.columns, 'received_at', 'updated_at'];
  const assignments = columns
    .filter(column => column !== 'id' && !keepColumns.includes(column))
    .map(column => `${quote(column)} = excluded.${quote(column)}`)
    .concat(
      revisionColumn
        ? [
            `${quote(revisionColumn)} = ${quote(table)}.${quote(
              revisionColumn,
            )} + 1`,
          ]
        : [],
    )
    .join(', ');
  const returning = revisionColumn
    ? `"id", ${quote(revisionColumn)} AS "revision"`
    : `"id"`;
  const changed: Array<{ id: string; replaced: boolean }> = [];

  for (const source of rowsSources(tx, options.columns, options.rows)) {
    // WHERE true tells SQLite that ON CONFLICT is not a join's.
    const sql =
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) ` +
      `SELECT source.*, ${now}, ${now} FROM ${source.sql} WHERE true ` +
      `ON CONFLICT ("id") DO UPDATE SET ${assignments} ` +
      `WHERE (${replaceWhen}) AND ${OWNER_COLUMNS.map(
        column =>
          `${quote(table)}.${quote(column)} = excluded.${quote(column)}`,
      ).join(' AND ')} RETURNING ${returning}`;
    const result = await tx.raw(sql, source.bindings);
    // pg answers a result object, the SQLite drivers an array of rows.
    const rows: Array<{ id: string; revision?: number | string }> =
      Array.isArray(result) ? result : result.rows;
    changed.push(
      ...rows.map(row => ({ id: row.id, replaced: Number(row.revision) > 0 })),
    );
  }
  return changed;
}

/** What {@link upsertDeployments} changed, for what is derived from it. */
export type UpsertedDeployments = Pick<
  IngestedChanges,
  'replacedCommits' | 'listedCommits'
> & {
  /** The deployments inserted or replaced. */
  changedIds: string[];
  /** Those deployments as stored now. */
  stored: StoredDeployment[];
  /** Of those, the ones stored before (replaced, not inserted). */
  replacedIds: string[];
  /** The events not applied because their id belongs elsewhere. */
  conflicts: EventIdConflict[];
};

/** Upserts deployments and replaces the commits of those that changed. */
export async function upsertDeployments(
  tx: Knex.Transaction,
  events: DeploymentEvent[],
  now: number,
): Promise<UpsertedDeployments> {
  const batch = winners(events, (current, incoming) =>
    isNewerStatus(current.status, incoming.status),
  );
  const deployments = batch.winners;
  if (deployments.length === 0) {
    return {
      changedIds: [],
      stored: [],
      replacedIds: [],
      replacedCommits: [],
      listedCommits: [],
      conflicts: batch.conflicts,
    };
  }

  const upserted = await upsert(tx, {
    table: 'deployments',
    columns: WRITTEN_DEPLOYMENT_COLUMNS,
    keepColumns: ['received_at'],
    revisionColumn: 'revision',
    // An in_progress event never replaces a finished deployment.
    replaceWhen: `excluded."status" <> 'in_progress' OR "deployments"."status" = 'in_progress'`,
    now,
    rows: deployments.map(event => {
      const startedAt = toMillis(event.startedAt);
      const finishedAt = toOptionalMillis(event.finishedAt);
      return [
        event.id,
        event.entityRef,
        event.environment,
        event.version,
        event.commitSha,
        event.status,
        event.trigger,
        startedAt,
        finishedAt,
        event.url ?? null,
        event.actor ?? null,
        finishedAt ?? startedAt,
      ];
    }),
  });
  const changedIds = upserted.map(row => row.id);
  const conflicts = [
    ...batch.conflicts,
    ...(await storedOwnerConflicts(tx, 'deployments', batch, changedIds)),
  ];
  if (changedIds.length === 0) {
    return {
      changedIds,
      stored: [],
      replacedIds: [],
      replacedCommits: [],
      listedCommits: [],
      conflicts,
    };
  }

  // The commits follow the event that won: replace them for replaced rows;
  // an inserted one has none yet.
  const changed = new Set(changedIds);
  const replacedIds = upserted.filter(row => row.replaced).map(row => row.id);
  const replacedCommits: UpsertedDeployments['replacedCommits'] = [];
  await eachChunk(replacedIds, async ids => {
    const result = await tx.raw(
      `DELETE FROM "deployment_commits" WHERE "deployment_id" IN (${ids
        .map(() => '?')
        .join(', ')}) RETURNING "deployment_id", "sha"`,
      ids,
    );
    const removed: Array<{ deployment_id: string; sha: string }> =
      Array.isArray(result) ? result : result.rows;
    replacedCommits.push(
      ...removed.map(row => ({
        deploymentId: row.deployment_id,
        sha: row.sha,
      })),
    );
  });
  const commitRows: Value[][] = [];
  const stored: StoredDeployment[] = [];
  for (const deployment of deployments) {
    if (!changed.has(deployment.id)) {
      continue;
    }
    const listsCommits = (deployment.commits ?? []).length > 0;
    stored.push({
      id: deployment.id,
      entityRef: deployment.entityRef,
      environment: deployment.environment,
      status: deployment.status,
      trigger: deployment.trigger,
      finishedAt: toOptionalMillis(deployment.finishedAt),
      headCommitSha: listsCommits ? null : deployment.commitSha,
    });
    const seen = new Set<string>();
    for (const commit of deployment.commits ?? []) {
      if (!seen.has(commit.sha)) {
        seen.add(commit.sha);
        commitRows.push([
          deployment.id,
          commit.sha,
          toMillis(commit.committedAt),
          commit.message ?? null,
          commit.author ?? null,
        ]);
      }
    }
  }
  // Messages and authors are optional: when no commit of the batch has one,
  // those columns are left to their default, NULL, rather than bound.
  const described = commitRows.some(row => row[3] !== null || row[4] !== null);
  const commitColumns = described ? COMMIT_COLUMNS : COMMIT_COLUMNS.slice(0, 3);
  for (const source of rowsSources(tx, commitColumns, commitRows)) {
    await tx.raw(
      `INSERT INTO "deployment_commits" (${commitColumns
        .map(quote)
        .join(', ')}) SELECT * FROM ${source.sql}`,
      source.bindings,
    );
  }
  const listedCommits = commitRows.map(([deploymentId, sha, committedAt]) => ({
    deploymentId: deploymentId as string,
    sha: sha as string,
    committedAt: committedAt as number,
  }));
  return {
    changedIds,
    stored,
    replacedIds,
    replacedCommits,
    listedCommits,
    conflicts,
  };
}

/** Upserts incidents: the ids of those inserted or replaced, and the conflicts. */
export async function upsertIncidents(
  tx: Knex.Transaction,
  events: IncidentEvent[],
  now: number,
): Promise<{ changedIds: string[]; conflicts: EventIdConflict[] }> {
  const batch = winners(
    events,
    (current, incoming) =>
      incoming.resolvedAt !== undefined || current.resolvedAt === undefined,
  );
  const incidents = batch.winners;
  if (incidents.length === 0) {
    return { changedIds: [], conflicts: batch.conflicts };
  }
  const upserted = await upsert(tx, {
    table: 'incidents',
    columns: WRITTEN_INCIDENT_COLUMNS,
    keepColumns: ['received_at'],
    // Like deployments: an unresolved report never reopens a resolved incident.
    replaceWhen: `excluded."resolved_at" IS NOT NULL OR "incidents"."resolved_at" IS NULL`,
    rows: incidents.map(event => [
      event.id,
      event.entityRef,
      event.environment,
      toMillis(event.openedAt),
      toOptionalMillis(event.resolvedAt),
      event.deploymentId ?? null,
      event.url ?? null,
    ]),
    now,
  });
  const changedIds = upserted.map(row => row.id);
  const conflicts = [
    ...batch.conflicts,
    ...(await storedOwnerConflicts(tx, 'incidents', batch, changedIds)),
  ];
  return { changedIds, conflicts };
}
