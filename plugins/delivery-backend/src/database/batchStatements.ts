import { Knex } from 'knex';
import { arrayParameter } from './arrayParameter';
import { chunks } from './chunks';
import { OWNER_COLUMNS } from './eventBatches';

// The statements that write a batch of event rows: one array parameter per
// column on PostgreSQL, `VALUES` lists on SQLite, and the upsert that keeps
// an event id with its entity and environment.

// SQLite allows 32,766 bound parameters per statement; staying under this
// keeps a 1000-event batch to one statement per table. (PostgreSQL gets one
// array parameter per column, see rowsSources.)
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

export type Value = string | number | null;

/** A column name quoted for SQL. */
export const quote = (column: string) => `"${column}"`;

/**
 * The rows to insert, as a `FROM` item named `source` for the `SELECT` of an
 * `INSERT`: on PostgreSQL `unnest` of one array parameter per column, which
 * it parses and plans in a fraction of the time a thousand-row `VALUES` list
 * of bound parameters takes (the whole batch in one statement); on SQLite a
 * `VALUES` list, in chunks under its limit of bound parameters.
 */
export function rowsSources(
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
export async function upsert(
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
