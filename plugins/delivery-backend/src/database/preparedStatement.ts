import { createHash } from 'node:crypto';
import { Knex } from 'knex';

/** Runs a prepared statement with its bindings. */
export type PreparedStatement = (
  db: Knex,
  bindings?: readonly Knex.RawBinding[],
) => Knex.Raw;

/**
 * A statement of fixed text that PostgreSQL parses and plans once per
 * connection (a named prepared statement of the pg driver) and then only
 * executes, for the statements that page requests make most: planning the
 * data version's read took twice as long as running it. The name is taken
 * from the text, so two texts never share one; the text must not vary, or
 * each connection would keep every variant. On SQLite a plain statement.
 */
export function preparedStatement(sql: string): PreparedStatement {
  const name = `delivery_${createHash('sha256')
    .update(sql)
    .digest('hex')
    .slice(0, 24)}`;
  return (db, bindings = []) => {
    const statement = db.raw(sql, bindings as Knex.RawBinding[]);
    return db.client.config.client === 'pg'
      ? statement.options({ name })
      : statement;
  };
}
