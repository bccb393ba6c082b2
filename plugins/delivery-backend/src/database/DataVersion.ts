import { Knex } from 'knex';
import { preparedStatement } from './preparedStatement';

// The newest writing transaction this moment's snapshot sees, the snapshot,
// and the transactions other databases' backends run (see `current`).
const readVersion = preparedStatement(
  `WITH seen AS MATERIALIZED (
    SELECT (SELECT max(transaction_id) FROM delivery_data_changes) AS newest,
      pg_current_snapshot() AS snapshot
  )
  SELECT newest::text AS newest, snapshot::text AS snapshot,
    -- Only while a transaction older than the newest write runs (the
    -- snapshot's xmin is the oldest running): reading pg_stat_activity
    -- costs PostgreSQL several times the rest, on every request.
    CASE WHEN pg_snapshot_xmin(snapshot)::text::bigint < newest THEN ARRAY(
      SELECT a.backend_xid::text FROM pg_stat_activity a
      WHERE a.backend_xid IS NOT NULL
        AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())
    ) END AS elsewhere
  FROM seen`,
);

/**
 * Which state of the plugin's data a reader sees, as a short string that
 * differs whenever a transaction that wrote any of it has committed since:
 * answers computed after reading a version may be served to anyone who
 * reads the same version later. PostgreSQL only (the `delivery_data_changes`
 * migration says how writes are noted); on SQLite there is none.
 */
export class DataVersion {
  private constructor(private readonly db: Knex) {}

  /** The version of this database, or undefined on SQLite. */
  static of(db: Knex): DataVersion | undefined {
    return db.client.config.client === 'pg' ? new DataVersion(db) : undefined;
  }

  /**
   * The newest writing transaction this moment's snapshot sees, and the
   * older ones still running (any of them may commit later, which must
   * change the version although the newest stays the same). Transaction ids
   * are the server's, so the running ones include other databases' (the
   * catalog's, other plugins'), which never write here: those a backend of
   * another database is seen running are left out, so that their ending
   * does not change the version. An id not seen anywhere may have committed
   * here meanwhile and stays.
   */
  async current(): Promise<string> {
    const result = await readVersion(this.db);
    const { newest, snapshot, elsewhere } = result.rows[0] as {
      newest: string | null;
      snapshot: string;
      elsewhere: string[] | null;
    };
    return versionOf(newest, snapshot, elsewhere ?? []);
  }

  /**
   * Forgets the notes of all but the newest writing transaction, which is
   * all a version needs; notes of transactions still running are not
   * visible here and stay.
   */
  async prune(): Promise<number> {
    return this.db('delivery_data_changes')
      .where(
        'transaction_id',
        '<',
        this.db('delivery_data_changes').max('transaction_id'),
      )
      .delete();
  }
}

// The low 32 bits of a transaction id: pg_stat_activity shows a backend's
// id without the epoch that the snapshot's 64-bit ids carry.
const WITHOUT_EPOCH = BigInt(0xffffffff);

/**
 * A version from the newest noted write, the snapshot's text
 * (`xmin:xmax:running,...`, 64-bit ids) and the 32-bit ids of transactions
 * other databases' backends are running.
 */
export function versionOf(
  newest: string | null,
  snapshot: string,
  elsewhere: string[],
): string {
  const newestId = BigInt(newest ?? 0);
  const otherDatabases = new Set(elsewhere);
  const running = snapshot.split(':')[2];
  const olderRunning = running
    ? running
        .split(',')
        .filter(
          id =>
            BigInt(id) < newestId &&
            !otherDatabases.has((BigInt(id) & WITHOUT_EPOCH).toString()),
        )
    : [];
  return [newest ?? '0', ...olderRunning].join(':');
}
