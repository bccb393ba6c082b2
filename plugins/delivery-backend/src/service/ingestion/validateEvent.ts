import {
  DeliveryEvent,
  DeploymentEvent,
  IncidentEvent,
  PipelineRunEvent,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { JsonRecord, isRecord } from '../../routes/request/isRecord';
import {
  EventFieldProblem,
  TIMESTAMP_REASON,
  entityRefReason,
} from './EventFieldProblem';
import { checkEventSchema } from './eventSchema';
import { checkStorableText } from './storableText';

/** The known environment names, for the `environment` field. */
export type EnvironmentNames = ReadonlySet<string>;

// Batches name the same few entities over and over; parsing refs is costly.
const normalizedRefs = new Map<string, string>();
const MAX_CACHED_REFS = 10_000;

// What the API stores and answers: UTC with milliseconds, as toISOString() writes.
const CANONICAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A field that is `null` counts as left out, in the event and its commits. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (!isRecord(value)) {
    return value;
  }
  const result: JsonRecord = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== null) {
      result[key] = withoutNulls(item);
    }
  }
  return result;
}

function entityRefOf(value: string): string {
  const cached = normalizedRefs.get(value);
  if (cached) {
    return cached;
  }
  try {
    const normalized = normalizeEntityRef(value);
    if (normalizedRefs.size >= MAX_CACHED_REFS) {
      normalizedRefs.clear();
    }
    normalizedRefs.set(value, normalized);
    return normalized;
  } catch {
    throw new EventFieldProblem('entityRef', entityRefReason(value));
  }
}

function checkEnvironment(value: string, environments: EnvironmentNames) {
  if (!environments.has(value)) {
    throw new EventFieldProblem(
      'environment',
      `'${value}' is not a configured environment; configured are ${[
        ...environments,
      ].join(', ')}`,
    );
  }
}

// Instants outside these years are typing mistakes (or probes), not deliveries;
// refusing them keeps every stored instant one that both databases and every
// client read back unchanged.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2201, 0, 1);
const RANGE_REASON =
  'must be between 1970-01-01T00:00:00Z and 2200-12-31T23:59:59Z';

/** A timestamp the schema accepted, in UTC with milliseconds. */
function utc(field: string, value: string): string;
function utc(field: string, value: string | undefined): string | undefined;
function utc(field: string, value: string | undefined) {
  if (value === undefined) {
    return value;
  }
  // The schema's date-time format admits a few instants Date cannot hold,
  // such as leap seconds.
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    throw new EventFieldProblem(field, TIMESTAMP_REASON);
  }
  if (millis < EARLIEST || millis >= LATEST) {
    throw new EventFieldProblem(field, RANGE_REASON);
  }
  return CANONICAL_TIMESTAMP.test(value)
    ? value
    : new Date(millis).toISOString();
}

function notBefore(
  field: string,
  value: string | undefined,
  earlierField: string,
  earlier: string,
) {
  if (value !== undefined && value < earlier) {
    // Both are normalised to UTC with milliseconds, so they compare as text.
    throw new EventFieldProblem(field, `must not be before ${earlierField}`);
  }
}

// A commit's subject line is what the views show; longer ones are cut.
const MAX_MESSAGE_LENGTH = 255;

/** The first line of a commit message that says something, at most 255 characters. */
function firstLine(message: string): string | undefined {
  const line = message
    .split(/\r?\n|\r/)
    .map(text => text.trim())
    .find(Boolean);
  // Cut by code points, so that a pair of surrogates is never split.
  return line && Array.from(line).slice(0, MAX_MESSAGE_LENGTH).join('');
}

function readDeployment(
  event: DeploymentEvent,
  entityRef: string,
): DeploymentEvent {
  const commits = event.commits?.map((commit, index) => {
    const message = commit.message && firstLine(commit.message);
    return {
      sha: commit.sha,
      committedAt: utc(`commits[${index}].committedAt`, commit.committedAt),
      ...(message && { message }),
      ...(commit.author && { author: commit.author.trim() }),
    };
  });
  const startedAt = utc('startedAt', event.startedAt);
  let finishedAt: string | undefined;
  if (event.status === 'in_progress') {
    if (event.finishedAt !== undefined) {
      throw new EventFieldProblem(
        'finishedAt',
        'must be left out while status is in_progress',
      );
    }
  } else if (event.finishedAt === undefined) {
    throw new EventFieldProblem('finishedAt', 'is required');
  } else {
    finishedAt = utc('finishedAt', event.finishedAt);
    notBefore('finishedAt', finishedAt, 'startedAt', startedAt);
  }
  return {
    ...event,
    entityRef,
    ...(commits && { commits }),
    startedAt,
    ...(finishedAt && { finishedAt }),
  };
}

function readIncident(event: IncidentEvent, entityRef: string): IncidentEvent {
  const openedAt = utc('openedAt', event.openedAt);
  const resolvedAt = utc('resolvedAt', event.resolvedAt);
  notBefore('resolvedAt', resolvedAt, 'openedAt', openedAt);
  return { ...event, entityRef, openedAt, ...(resolvedAt && { resolvedAt }) };
}

function readPipelineRun(
  event: PipelineRunEvent,
  entityRef: string,
): PipelineRunEvent {
  const startedAt = utc('startedAt', event.startedAt);
  if (event.status !== 'completed') {
    for (const field of ['conclusion', 'finishedAt'] as const) {
      if (event[field] !== undefined) {
        throw new EventFieldProblem(
          field,
          `must be left out while status is ${event.status}`,
        );
      }
    }
    return { ...event, entityRef, startedAt };
  }
  if (event.conclusion === undefined) {
    throw new EventFieldProblem('conclusion', 'is required');
  }
  if (event.finishedAt === undefined) {
    throw new EventFieldProblem('finishedAt', 'is required');
  }
  const finishedAt = utc('finishedAt', event.finishedAt);
  notBefore('finishedAt', finishedAt, 'startedAt', startedAt);
  return { ...event, entityRef, startedAt, finishedAt };
}

/**
 * Validates one event of the event API v1 against the spec's `DeliveryEvent`
 * schema and the rules a schema cannot say (configured environments, the
 * order of timestamps, what a run's status asks for), and returns it normalised: entity ref in canonical
 * form, timestamps in UTC, without fields the spec does not name. Throws an {@link EventFieldProblem} naming the
 * first field that is wrong.
 */
export function validateEvent(
  event: unknown,
  environments: EnvironmentNames,
): DeliveryEvent {
  if (!isRecord(event)) {
    throw new EventFieldProblem('event', 'must be a JSON object');
  }
  const present = withoutNulls(event) as JsonRecord;
  checkEventSchema(present);
  checkStorableText(present);
  const valid = present as unknown as DeliveryEvent;
  // Every event names an entity, and all but a pipeline run an environment,
  // checked before the rest.
  const entityRef = entityRefOf(valid.entityRef);
  if (valid.type === 'pipeline_run') {
    return readPipelineRun(valid, entityRef);
  }
  checkEnvironment(valid.environment, environments);
  return valid.type === 'deployment'
    ? readDeployment(valid, entityRef)
    : readIncident(valid, entityRef);
}
