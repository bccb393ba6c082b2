import {
  PipelineRunConclusion,
  PipelineRunEvent,
  PipelineRunStatus,
  PipelineTestSuiteEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { toMillis, toOptionalMillis } from '../rows';
import { PipelineRunRecord } from './PipelineRunStore';

/** The `pipeline_runs` table's columns, as read. */
export interface PipelineRunRow {
  id: string;
  entity_ref: string;
  workflow: string;
  run_attempt: number | string;
  status: string;
  conclusion: string | null;
  branch: string | null;
  default_branch: string | null;
  commit_sha: string | null;
  started_at: number | string;
  finished_at: number | string | null;
  url: string | null;
}

/** The `pipeline_run_suites` table's columns, as read. */
export interface PipelineRunSuiteRow {
  run_id: string;
  suite: string;
  passed: number | string;
  failed: number | string;
  skipped: number | string;
  failed_tests: string | null;
}

/** The columns written from an event, in the order {@link toRow} answers them. */
export const PIPELINE_RUN_COLUMNS = [
  'id',
  'entity_ref',
  'workflow',
  'run_attempt',
  'status',
  'conclusion',
  'branch',
  'default_branch',
  'commit_sha',
  'started_at',
  'finished_at',
  'url',
] as const;

/** The values of {@link PIPELINE_RUN_COLUMNS} for an event. */
export function toRow(event: PipelineRunEvent): Array<string | number | null> {
  return [
    event.id,
    event.entityRef,
    event.workflow,
    event.runAttempt ?? 1,
    event.status,
    event.conclusion ?? null,
    event.branch ?? null,
    event.defaultBranch ?? null,
    event.commitSha ?? null,
    toMillis(event.startedAt),
    toOptionalMillis(event.finishedAt),
    event.url ?? null,
  ];
}

const iso = (value: number | string) => new Date(Number(value)).toISOString();

/** The values of a suite's row, but for `updated_at`. */
export function toSuiteRow(
  runId: string,
  suite: PipelineTestSuiteEvent,
): Array<string | number | null> {
  return [
    runId,
    suite.suite,
    suite.passed,
    suite.failed,
    suite.skipped,
    suite.failedTests ? JSON.stringify(suite.failedTests) : null,
  ];
}

/** The suite of a row. */
export function toSuite(row: PipelineRunSuiteRow): PipelineTestSuiteEvent {
  return {
    suite: row.suite,
    passed: Number(row.passed),
    failed: Number(row.failed),
    skipped: Number(row.skipped),
    ...(row.failed_tests && {
      failedTests: JSON.parse(row.failed_tests) as string[],
    }),
  };
}

/** The stored run of a row, without its tests. */
export function toPipelineRun(row: PipelineRunRow): PipelineRunRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    workflow: row.workflow,
    runAttempt: Number(row.run_attempt),
    status: row.status as PipelineRunStatus,
    ...(row.conclusion && {
      conclusion: row.conclusion as PipelineRunConclusion,
    }),
    ...(row.branch && { branch: row.branch }),
    ...(row.default_branch && { defaultBranch: row.default_branch }),
    ...(row.commit_sha && { commitSha: row.commit_sha }),
    startedAt: iso(row.started_at),
    ...(row.finished_at !== null &&
      row.finished_at !== undefined && { finishedAt: iso(row.finished_at) }),
    ...(row.url && { url: row.url }),
  };
}
