import {
  DeploymentCommit,
  DeploymentStatus,
  DeploymentTrigger,
  Incident,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentRecord } from './DeliveryStore';

/** The columns every event's table has: which event, of which entity, where. */
interface EventRow {
  id: string;
  entity_ref: string;
  environment: string;
}

/** The `deployments` table's columns, as read. */
export interface DeploymentRow extends EventRow {
  version: string;
  commit_sha: string;
  status: string;
  trigger: string;
  started_at: number | string;
  finished_at: number | string | null;
  url: string | null;
  actor: string | null;
}

/** The `incidents` table's columns, as read. */
export interface IncidentRow extends EventRow {
  opened_at: number | string;
  resolved_at: number | string | null;
  deployment_id: string | null;
  url: string | null;
}

/** The columns a {@link DeploymentRow} is read from. */
export const DEPLOYMENT_COLUMNS: string[] = [
  'id',
  'entity_ref',
  'environment',
  'version',
  'commit_sha',
  'status',
  'trigger',
  'started_at',
  'finished_at',
  'url',
  'actor',
];

/** The columns an {@link IncidentRow} is read from. */
export const INCIDENT_COLUMNS: string[] = [
  'id',
  'entity_ref',
  'environment',
  'opened_at',
  'resolved_at',
  'deployment_id',
  'url',
];

/** Milliseconds since the epoch, as stored, from an ISO 8601 timestamp. */
export function toMillis(iso: string): number {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) {
    throw new TypeError(`Not an ISO 8601 timestamp: '${iso}'`);
  }
  return millis;
}

/** The optional counterpart of {@link toMillis}, for nullable columns. */
export function toOptionalMillis(iso: string | undefined): number | null {
  return iso === undefined ? null : toMillis(iso);
}

// PostgreSQL returns bigint columns as strings, SQLite as numbers.
function toIso(value: number | string): string {
  return new Date(Number(value)).toISOString();
}

function toOptionalIso(value: number | string | null): string | undefined {
  return value === null || value === undefined ? undefined : toIso(value);
}

function eventOf(row: EventRow) {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
  };
}

/** The stored deployment of a row. */
export function toDeploymentRecord(row: DeploymentRow): DeploymentRecord {
  const finishedAt = toOptionalIso(row.finished_at);
  return {
    ...eventOf(row),
    version: row.version,
    commitSha: row.commit_sha,
    status: row.status as DeploymentStatus,
    trigger: row.trigger as DeploymentTrigger,
    startedAt: toIso(row.started_at),
    ...(finishedAt && { finishedAt }),
    ...(row.url && { url: row.url }),
    ...(row.actor && { actor: row.actor }),
  };
}

/** The stored incident of a row. */
export function toIncident(row: IncidentRow): Incident {
  const resolvedAt = toOptionalIso(row.resolved_at);
  return {
    ...eventOf(row),
    openedAt: toIso(row.opened_at),
    ...(resolvedAt && { resolvedAt }),
    ...(row.deployment_id && { deploymentId: row.deployment_id }),
    ...(row.url && { url: row.url }),
  };
}

/** The `deployment_commits` table's columns, as read. */
export interface CommitRow {
  deployment_id: string;
  sha: string;
  committed_at: number | string | null;
  message?: string | null;
  author?: string | null;
}

/** The commit of a `deployment_commits` row, or undefined without a time. */
export function toCommit(row: CommitRow): DeploymentCommit | undefined {
  const committedAt = toOptionalIso(row.committed_at);
  return committedAt
    ? {
        sha: row.sha,
        committedAt,
        ...(row.message && { message: row.message }),
        ...(row.author && { author: row.author }),
      }
    : undefined;
}
