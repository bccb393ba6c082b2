import {
  DeliveryEvent,
  DeploymentEvent,
  DeploymentStatus,
  DeploymentTrigger,
  IncidentEvent,
  normalizeEntityRef,
} from '@internal/backstage-plugin-delivery-common';
import {
  EventFieldProblem,
  EventFields,
  JsonRecord,
  isRecord,
} from './eventFields';

const STATUSES: readonly DeploymentStatus[] = [
  'in_progress',
  'succeeded',
  'failed',
  'cancelled',
];
const TRIGGERS: readonly DeploymentTrigger[] = [
  'pipeline',
  'promotion',
  'rollback',
  'hotfix',
];

// More than a deployment plausibly brings; keeps one event's size bounded.
const MAX_COMMITS = 1000;

/** The known environment names, for the `environment` field. */
export type EnvironmentNames = ReadonlySet<string>;

// Batches name the same few entities over and over; parsing refs is costly.
const normalizedRefs = new Map<string, string>();
const MAX_CACHED_REFS = 10_000;

function readEntityRef(fields: EventFields): string {
  const value = fields.string('entityRef');
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
    throw new EventFieldProblem(
      'entityRef',
      `must be an entity ref with a kind, such as component:default/payments-api; got '${value}'`,
    );
  }
}

function readEnvironment(
  fields: EventFields,
  environments: EnvironmentNames,
): string {
  const value = fields.string('environment');
  if (!environments.has(value)) {
    throw new EventFieldProblem(
      'environment',
      `'${value}' is not a configured environment; configured are ${[
        ...environments,
      ].join(', ')}`,
    );
  }
  return value;
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

function readDeployment(
  fields: EventFields,
  environments: EnvironmentNames,
): DeploymentEvent {
  const id = fields.string('id');
  const entityRef = readEntityRef(fields);
  const environment = readEnvironment(fields, environments);
  const version = fields.string('version');
  const commitSha = fields.string('commitSha');
  const commits = fields.optionalArray('commits', MAX_COMMITS, commit => ({
    sha: commit.string('sha'),
    committedAt: commit.timestamp('committedAt'),
  }));
  const status = fields.oneOf('status', STATUSES);
  const trigger = fields.oneOf('trigger', TRIGGERS);
  const startedAt = fields.timestamp('startedAt');
  let finishedAt: string | undefined;
  if (status === 'in_progress') {
    fields.absent('finishedAt', 'must be left out while status is in_progress');
  } else {
    finishedAt = fields.timestamp('finishedAt');
    notBefore('finishedAt', finishedAt, 'startedAt', startedAt);
  }
  const url = fields.optionalUrl('url');
  const actor = fields.optionalString('actor');

  return {
    type: 'deployment',
    id,
    entityRef,
    environment,
    version,
    commitSha,
    ...(commits && { commits }),
    status,
    trigger,
    startedAt,
    ...(finishedAt && { finishedAt }),
    ...(url && { url }),
    ...(actor && { actor }),
  };
}

function readIncident(
  fields: EventFields,
  environments: EnvironmentNames,
): IncidentEvent {
  const id = fields.string('id');
  const entityRef = readEntityRef(fields);
  const environment = readEnvironment(fields, environments);
  const openedAt = fields.timestamp('openedAt');
  const resolvedAt = fields.optionalTimestamp('resolvedAt');
  notBefore('resolvedAt', resolvedAt, 'openedAt', openedAt);
  const deploymentId = fields.optionalString('deploymentId');
  const url = fields.optionalUrl('url');

  return {
    type: 'incident',
    id,
    entityRef,
    environment,
    openedAt,
    ...(resolvedAt && { resolvedAt }),
    ...(deploymentId && { deploymentId }),
    ...(url && { url }),
  };
}

/**
 * Validates one event of the event API v1 and returns it normalised: entity
 * ref in canonical form, timestamps in UTC. Throws an
 * {@link EventFieldProblem} naming the first field that is wrong.
 */
export function validateEvent(
  event: unknown,
  environments: EnvironmentNames,
): DeliveryEvent {
  if (!isRecord(event)) {
    throw new EventFieldProblem('event', 'must be a JSON object');
  }
  const fields = new EventFields(event as JsonRecord);
  const type = fields.oneOf('type', ['deployment', 'incident'] as const);
  return type === 'deployment'
    ? readDeployment(fields, environments)
    : readIncident(fields, environments);
}
