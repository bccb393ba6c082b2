import { Entity } from '@backstage/catalog-model';
import {
  DELIVERY_ENVIRONMENT_LABEL,
  DeploymentEvent,
  DeploymentStatus,
  getDeliveryServiceName,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  ArgoCdApplication,
  ArgoCdSyncHistoryEntry,
} from '@domain-delivery/backstage-plugin-delivery-node';

/** A sync of an application: the operation Argo CD keeps, or its last history entry. */
interface Sync {
  phase: string;
  startedAt: string;
  finishedAt?: string;
  revision?: string;
  /** Whether it synced the same revision and source as the sync before it. */
  repeated: boolean;
}

/** What the deployment of an application is recorded as, besides the application. */
export interface ApplicationContext {
  entity: Entity;
  entityRef: string;
  environment: string;
  /** The instance's name, part of the ids. */
  instance: string;
  /** The application's page in Argo CD. */
  url: string;
}

// How many characters of a revision name a version, as the golden path's
// workflows name versions by commit.
const SHORT_REVISION = 12;

/**
 * The environment the application runs in, among those it may: the only
 * one, or the one its `domain-delivery.io/environment` label names.
 */
export function applicationEnvironment(
  application: ArgoCdApplication,
  environments: string[],
): string | undefined {
  if (environments.length === 1) {
    return environments[0];
  }
  const label = application.metadata.labels?.[DELIVERY_ENVIRONMENT_LABEL];
  return label && environments.includes(label) ? label : undefined;
}

const sameInstant = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);

const revisionOf = (entry: ArgoCdSyncHistoryEntry | undefined) =>
  entry?.revision ?? entry?.revisions?.[0];

// What a history entry synced: its revisions and its source with parameters.
const syncedState = (entry: ArgoCdSyncHistoryEntry) =>
  JSON.stringify([
    entry.revision ?? entry.revisions ?? null,
    entry.source ?? entry.sources ?? null,
  ]);

function latestSync(application: ArgoCdApplication): Sync | undefined {
  const history = application.status?.history ?? [];
  const last = history[history.length - 1];
  const beforeLast = history[history.length - 2];
  const operation = application.status?.operationState;
  if (operation?.startedAt && operation.phase) {
    const revision =
      operation.syncResult?.revision ??
      operation.operation?.sync?.revision ??
      operation.syncResult?.revisions?.[0];
    // A sync that succeeded is the history's last entry; one that runs or
    // failed comes after it.
    const recorded =
      last && sameInstant(last.deployStartedAt, operation.startedAt);
    return {
      phase: operation.phase,
      startedAt: operation.startedAt,
      finishedAt: operation.finishedAt,
      revision,
      repeated: recorded
        ? !!beforeLast && syncedState(beforeLast) === syncedState(last)
        : !!last && !!revision && revisionOf(last) === revision,
    };
  }
  // Argo CD keeps the succeeded syncs even when the operation is gone.
  if (!last) {
    return undefined;
  }
  return {
    phase: 'Succeeded',
    startedAt: last.deployStartedAt ?? last.deployedAt,
    finishedAt: last.deployedAt,
    revision: revisionOf(last),
    repeated: !!beforeLast && syncedState(beforeLast) === syncedState(last),
  };
}

/**
 * The running version: the tag of the service's image (the image whose name
 * is the service's, else the only or first one), as Argo CD's summary lists
 * the images it runs; without images, the synced revision.
 */
export function applicationVersion(
  application: ArgoCdApplication,
  entity: Entity,
  revision: string | undefined,
): string | undefined {
  const service = getDeliveryServiceName(entity) ?? entity.metadata.name;
  const tagged = (application.status?.summary?.images ?? []).flatMap(image => {
    // `registry:5000/team/name:tag@sha256:…`: the tag follows the last ':' of the name.
    const [reference] = image.split('@');
    const colon = reference.lastIndexOf(':');
    if (colon < 0 || colon < reference.lastIndexOf('/')) {
      return [];
    }
    const repository = reference.slice(0, colon);
    return [
      {
        name: repository.slice(repository.lastIndexOf('/') + 1),
        tag: reference.slice(colon + 1),
      },
    ];
  });
  const image = tagged.find(({ name }) => name === service) ?? tagged[0];
  return image?.tag ?? revision?.slice(0, SHORT_REVISION);
}

/**
 * The deployment status of a sync: running while the sync runs; once it has
 * applied, decided by the application's health.
 */
function deploymentStatus(
  sync: Sync,
  health: string | undefined,
): DeploymentStatus {
  if (sync.phase === 'Failed' || sync.phase === 'Error') {
    return 'failed';
  }
  if (sync.phase !== 'Succeeded') {
    return 'in_progress';
  }
  if (health === 'Healthy') {
    return 'succeeded';
  }
  return health === 'Degraded' ? 'failed' : 'in_progress';
}

const later = (a: string | undefined, b: string | undefined) =>
  !a || (b && Date.parse(b) > Date.parse(a)) ? b : a;

/** The compact UTC start of a sync, e.g. `20261207T081502Z`, as ids carry it. */
function compactTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]|\.\d+/g, '');
}

/**
 * The id of a sync's deployment: instance, application and the sync's
 * start, which Argo CD keeps both in the running operation and in the
 * history entry it adds when the sync succeeds, so every read of one sync
 * gives one record.
 *
 * @public
 */
export function argoCdDeploymentId(
  instance: string,
  application: string,
  startedAt: string,
): string {
  return `argocd-${instance}-${application}-${compactTime(startedAt)}`;
}

/**
 * The deployment the application's latest sync makes: `undefined` when it was
 * never synced, or when the sync applied again the revision and source of the
 * sync before it (a manual re-sync, or self-heal putting back what drifted),
 * which brings nothing new.
 */
export function applicationDeployment(
  application: ArgoCdApplication,
  context: ApplicationContext,
  now: Date,
): DeploymentEvent | undefined {
  const sync = latestSync(application);
  if (!sync || sync.repeated) {
    return undefined;
  }
  const health = application.status?.health;
  const status = deploymentStatus(sync, health?.status);
  const revision = sync.revision ?? application.status?.sync?.revision;
  const version = applicationVersion(application, context.entity, revision);
  if (!version || !revision) {
    return undefined;
  }
  // Healthy (or Degraded) when the sync finished, or when health changed after it.
  const finishedAt =
    status === 'in_progress'
      ? undefined
      : (sync.phase === 'Succeeded'
          ? later(sync.finishedAt, health?.lastTransitionTime)
          : sync.finishedAt) ?? now.toISOString();
  return {
    type: 'deployment',
    id: argoCdDeploymentId(
      context.instance,
      application.metadata.name,
      sync.startedAt,
    ),
    entityRef: context.entityRef,
    environment: context.environment,
    version,
    // The revision Argo CD synced: a commit of the GitOps repository.
    commitSha: revision,
    status,
    trigger: 'pipeline',
    startedAt: new Date(sync.startedAt).toISOString(),
    ...(finishedAt && { finishedAt: new Date(finishedAt).toISOString() }),
    url: context.url,
  };
}
