import { DatabaseService } from '@backstage/backend-plugin-api';
import { PipelineRunEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { chunks, inChunks } from '../chunks';
import { pipelineRunWinners } from './pipelineRunBatch';
import {
  PIPELINE_RUN_COLUMNS,
  PipelineRunRow,
  PipelineRunSuiteRow,
  toPipelineRun,
  toRow,
  toSuite,
  toSuiteRow,
} from './pipelineRunRows';
import {
  PipelineRunConflict,
  PipelineRunRecord,
  PipelineRunStore,
  PipelineRunWindow,
} from './PipelineRunStore';

// Well under SQLite's 32,766 bound parameters per statement.
const PARAMETERS_PER_STATEMENT = 30_000;

const COLUMNS = [...PIPELINE_RUN_COLUMNS, 'received_at', 'updated_at'];
const SUITE_COLUMNS = [
  'run_id',
  'suite',
  'passed',
  'failed',
  'skipped',
  'failed_tests',
  'updated_at',
];

/** The conclusions health does not count: the run said nothing about the code. */
export const UNCOUNTED_CONCLUSIONS = [
  'cancelled',
  'skipped',
  'neutral',
  'stale',
];

const quote = (column: string) => `"${column}"`;

// A run that is not completed never replaces a completed one.
const REPLACES = `(excluded."status" = 'completed' OR "pipeline_runs"."status" <> 'completed')`;

function assignment(column: string): string {
  if (column === 'updated_at') {
    return `"updated_at" = excluded."updated_at"`;
  }
  return `${quote(column)} = CASE WHEN ${REPLACES} THEN excluded.${quote(
    column,
  )} ELSE "pipeline_runs".${quote(column)} END`;
}

const UPSERT_SET = COLUMNS.filter(
  column => column !== 'id' && column !== 'received_at',
)
  .map(assignment)
  .join(', ');

// Where a run is on its repository's default branch: the one it reported, or
// main or master when it reported none.
const ON_DEFAULT_BRANCH = `(("default_branch" IS NOT NULL AND "branch" = "default_branch") OR ("default_branch" IS NULL AND "branch" IN ('main', 'master')))`;

function rowsOf<T>(result: unknown): T[] {
  // pg answers a result object, the SQLite drivers an array of rows.
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}

/** The Knex implementation of {@link PipelineRunStore}, for SQLite and PostgreSQL. */
export class DatabasePipelineRunStore implements PipelineRunStore {
  /** Uses the plugin's database; `DatabaseDeliveryStore.create` migrates it. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePipelineRunStore> {
    return new DatabasePipelineRunStore(await options.database.getClient());
  }

  constructor(private readonly db: Knex) {}

  async ingest(events: PipelineRunEvent[]): Promise<PipelineRunConflict[]> {
    const batch = pipelineRunWinners(events);
    if (batch.winners.length === 0) {
      return batch.conflicts;
    }
    const now = Date.now();
    const placeholder = `(${COLUMNS.map(() => '?').join(', ')})`;
    const applied = new Set<string>();
    await this.db.transaction(async tx => {
      const perStatement = Math.floor(
        PARAMETERS_PER_STATEMENT / COLUMNS.length,
      );
      for (const chunk of chunks(batch.winners, perStatement)) {
        // The WHERE keeps an id with its entity: such rows are not returned.
        const result = await tx.raw(
          `INSERT INTO "pipeline_runs" (${COLUMNS.map(quote).join(', ')}) ` +
            `VALUES ${chunk.map(() => placeholder).join(', ')} ` +
            `ON CONFLICT ("id") DO UPDATE SET ${UPSERT_SET} ` +
            `WHERE "pipeline_runs"."entity_ref" = excluded."entity_ref" RETURNING "id"`,
          chunk.flatMap(event => [...toRow(event), now, now]),
        );
        rowsOf<{ id: string }>(result).forEach(row => applied.add(row.id));
      }
      // Each suite reported replaces that suite of its run, whatever the
      // run's status: jobs running in parallel each report their own.
      const suiteRows = batch.winners
        .filter(event => applied.has(event.id))
        .flatMap(event =>
          (event.tests ?? []).map(suite => [
            ...toSuiteRow(event.id, suite),
            now,
          ]),
        );
      const suitePlaceholder = `(${SUITE_COLUMNS.map(() => '?').join(', ')})`;
      const suitesPerStatement = Math.floor(
        PARAMETERS_PER_STATEMENT / SUITE_COLUMNS.length,
      );
      for (const chunk of chunks(suiteRows, suitesPerStatement)) {
        await tx.raw(
          `INSERT INTO "pipeline_run_suites" (${SUITE_COLUMNS.map(quote).join(
            ', ',
          )}) VALUES ${chunk.map(() => suitePlaceholder).join(', ')} ` +
            `ON CONFLICT ("run_id", "suite") DO UPDATE SET ${SUITE_COLUMNS.slice(
              2,
            )
              .map(column => `${quote(column)} = excluded.${quote(column)}`)
              .join(', ')}`,
          chunk.flat(),
        );
      }
    });
    const unapplied = batch.winners.filter(event => !applied.has(event.id));
    if (unapplied.length === 0) {
      return batch.conflicts;
    }
    const owners = new Map(
      (
        await inChunks(unapplied, async chunk =>
          this.db('pipeline_runs')
            .select('id', 'entity_ref')
            .whereIn(
              'id',
              chunk.map(event => event.id),
            ),
        )
      ).map(row => [row.id as string, row.entity_ref as string]),
    );
    return [
      ...batch.conflicts,
      ...unapplied.flatMap(event =>
        batch.positions.get(event.id)!.map(index => ({
          index,
          id: event.id,
          ownerEntityRef: owners.get(event.id) ?? event.entityRef,
        })),
      ),
    ].sort((a, b) => a.index - b.index);
  }

  async listRuns(options: {
    entityRefs: string[];
    limit: number;
  }): Promise<PipelineRunRecord[]> {
    const newest = (a: PipelineRunRecord, b: PipelineRunRecord) =>
      b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id);
    const rows = await inChunks(options.entityRefs, chunk =>
      this.db<PipelineRunRow>('pipeline_runs')
        .select(...PIPELINE_RUN_COLUMNS)
        .whereIn('entity_ref', chunk)
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(options.limit),
    );
    const runs = rows.map(toPipelineRun).sort(newest).slice(0, options.limit);
    return this.withTests(runs);
  }

  async listCompletedRuns(
    window: PipelineRunWindow,
  ): Promise<PipelineRunRecord[]> {
    const rows = await inChunks(window.entityRefs, chunk =>
      this.db<PipelineRunRow>('pipeline_runs')
        .select(...PIPELINE_RUN_COLUMNS)
        .whereIn('entity_ref', chunk)
        .where('status', 'completed')
        .where('finished_at', '>=', window.from)
        .where('finished_at', '<', window.to),
    );
    return (await this.withTests(rows.map(toPipelineRun))).sort(
      (a, b) =>
        a.finishedAt!.localeCompare(b.finishedAt!) || a.id.localeCompare(b.id),
    );
  }

  async latestDefaultBranchRuns(options: {
    entityRefs: string[];
    before: number;
  }): Promise<PipelineRunRecord[]> {
    const uncounted = UNCOUNTED_CONCLUSIONS.map(() => '?').join(', ');
    const rows = await inChunks(options.entityRefs, async chunk =>
      rowsOf<PipelineRunRow>(
        await this.db.raw(
          `SELECT ${PIPELINE_RUN_COLUMNS.map(quote).join(', ')} FROM (
             SELECT *, ROW_NUMBER() OVER (
               PARTITION BY "entity_ref", "workflow"
               ORDER BY "finished_at" DESC, "id" DESC
             ) AS "latest"
             FROM "pipeline_runs"
             WHERE "entity_ref" IN (${chunk.map(() => '?').join(', ')})
               AND "status" = 'completed' AND "finished_at" < ?
               AND "conclusion" NOT IN (${uncounted})
               AND ${ON_DEFAULT_BRANCH}
           ) AS "runs" WHERE "latest" = 1`,
          [...chunk, options.before, ...UNCOUNTED_CONCLUSIONS],
        ),
      ),
    );
    return this.withTests(rows.map(toPipelineRun));
  }

  /** The runs with the suites stored for them. */
  private async withTests(
    runs: PipelineRunRecord[],
  ): Promise<PipelineRunRecord[]> {
    const rows = await inChunks(
      runs.map(run => run.id),
      chunk =>
        this.db<PipelineRunSuiteRow>('pipeline_run_suites')
          .select(
            'run_id',
            'suite',
            'passed',
            'failed',
            'skipped',
            'failed_tests',
          )
          .whereIn('run_id', chunk)
          .orderBy(['run_id', 'suite']),
    );
    const suites = new Map<string, PipelineRunSuiteRow[]>();
    for (const row of rows) {
      suites.set(row.run_id, [...(suites.get(row.run_id) ?? []), row]);
    }
    return runs.map(run => {
      const reported = suites.get(run.id);
      return reported ? { ...run, tests: reported.map(toSuite) } : run;
    });
  }
}
