import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { isDerivedWith, markDerived, markRebuilding } from './derivationState';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { isPostgres, lockDerivation } from './doraStatements';
import { derivePendingChanges } from './pendingChanges';
import { deriveDoraTables } from './rebuildDoraTables';

// An arbitrary constant: the key of the advisory lock that one replica holds
// while it rebuilds (the lease).
const REBUILD_LOCK = 7_358_114_022;
// Pending changes derived per transaction while catching up.
const PENDING_PER_TRANSACTION = 5000;
// How often a replica that found another one rebuilding looks again, in
// case that one stopped.
const DEFAULT_RETRY_MS = 15_000;

/**
 * Keeps the DORA tables derived with this backend's settings without
 * holding up its start: when the settings (production environments,
 * attribution window) or the derivation changed, one replica derives the
 * tables again in the background while every replica keeps answering from
 * the tables as they were derived before.
 *
 * 1. The `dora_settings` row is marked "rebuilding", under the derivation
 *    lock: from then on ingestion stores events as always but records what
 *    it changed in `dora_pending_changes` instead of deriving it.
 * 2. The replica that wins the lease (a PostgreSQL advisory lock held by an
 *    open transaction, so it ends with the replica's connection, crash or
 *    not) derives the tables from scratch in one REPEATABLE READ
 *    transaction: readers see the old tables until it commits.
 * 3. It derives the pending changes, a few thousand per transaction, and in
 *    the last one, under the derivation lock, marks the tables derived.
 *
 * The other replicas look again now and then and take over if the lease
 * holder stopped. SQLite has one process and one writer: the rebuild runs
 * in the background there too, without a lease.
 */
export class BackgroundDoraRebuild {
  private stopped = false;
  private running?: Promise<void>;
  private retry?: { timer: NodeJS.Timeout; wake: () => void };

  constructor(
    private readonly knex: Knex,
    private readonly settings: DoraDerivationSettings,
    private readonly options: { logger?: LoggerService; retryMs?: number } = {},
  ) {}

  /**
   * Makes sure the tables are or become derived with the settings: at once
   * when they are, or when there is nothing to derive; else in the
   * background.
   */
  async start(): Promise<void> {
    const current = await this.knex.transaction(async tx => {
      await lockDerivation(tx);
      if (await isDerivedWith(tx, this.settings)) {
        return true;
      }
      const anything = await Promise.all([
        tx('deployments').first('id'),
        tx('incidents').first('id'),
      ]);
      if (anything.some(row => row !== undefined)) {
        await markRebuilding(tx, this.settings);
        return false;
      }
      // Nothing to derive from: empty tables are derived with any settings.
      await tx('dora_pending_changes').delete();
      await deriveDoraTables(tx, this.settings);
      await markDerived(tx, this.settings);
      return true;
    });
    if (!current) {
      this.running = this.keepTrying();
    }
  }

  /** Resolves once the tables are derived with the settings (or it stops). */
  async whenCurrent(): Promise<void> {
    await this.running;
  }

  /** Stops looking again; a rebuild under way finishes its transaction. */
  stop(): void {
    this.stopped = true;
    if (this.retry) {
      clearTimeout(this.retry.timer);
      this.retry.wake();
    }
  }

  private async keepTrying(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await isDerivedWith(this.knex, this.settings)) {
          return;
        }
        if (await this.rebuildIfLeased()) {
          continue;
        }
      } catch (error) {
        this.options.logger?.error(
          'Deriving the DORA tables again failed; will try again',
          error as Error,
        );
      }
      await new Promise<void>(wake => {
        const timer = setTimeout(
          wake,
          this.options.retryMs ?? DEFAULT_RETRY_MS,
        );
        timer.unref?.();
        this.retry = { timer, wake };
      });
    }
  }

  // Rebuilds if this replica gets the lease; false if another one holds it.
  private async rebuildIfLeased(): Promise<boolean> {
    if (!isPostgres(this.knex)) {
      await this.rebuild();
      return true;
    }
    const lease = await this.knex.transaction();
    try {
      const result = await lease.raw(
        'SELECT pg_try_advisory_xact_lock(?) AS leased',
        [REBUILD_LOCK],
      );
      if (!result.rows[0].leased) {
        return false;
      }
      await this.rebuild();
      return true;
    } finally {
      await lease.rollback().catch(() => undefined);
    }
  }

  private async rebuild(): Promise<void> {
    const { logger } = this.options;
    const started = Date.now();
    // Marked again: a replica may have finished with other settings since.
    await this.knex.transaction(async tx => {
      await lockDerivation(tx);
      await markRebuilding(tx, this.settings);
    });
    logger?.info(
      'Deriving the DORA tables again in the background: their settings (production environments, incident attribution window) or derivation changed. DORA answers keep the previous derivation until it is done.',
    );
    // One snapshot, taken after the mark: everything ingested before it is
    // in it, everything after it is pending.
    await this.knex.transaction(
      tx => deriveDoraTables(tx, this.settings),
      isPostgres(this.knex) ? { isolationLevel: 'repeatable read' } : {},
    );
    let derived = 0;
    for (;;) {
      const [count, done] = await this.knex.transaction(async tx => {
        const n = await derivePendingChanges(
          tx,
          this.settings,
          PENDING_PER_TRANSACTION,
        );
        if (n < PENDING_PER_TRANSACTION) {
          // Under the derivation lock that derivePendingChanges took (or
          // takes now): no ingestion records a change after this.
          await lockDerivation(tx);
          const more = await derivePendingChanges(
            tx,
            this.settings,
            Number.MAX_SAFE_INTEGER,
          );
          await markDerived(tx, this.settings);
          return [n + more, true];
        }
        return [n, false];
      });
      derived += count;
      if (done) {
        break;
      }
    }
    logger?.info(
      `Derived the DORA tables again in ${Math.round(
        (Date.now() - started) / 1000,
      )} s, with ${derived} changes ingested meanwhile`,
    );
  }
}
