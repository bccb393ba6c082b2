import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  EntityEnvironments,
  Environment,
  EnvironmentStatus,
  MissingVersion,
  NextEnvironmentStatus,
  RunningVersion,
  environmentsForEntity,
  nextEnvironment,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ApplicationStatusStore } from '../../database/applications/ApplicationStatusStore';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';
import {
  distinctCommits,
  runningSince,
} from '../deployments/deploymentHistory';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { withCommits } from '../deployments/withCommits';
import { DeploymentVerificationReader } from '../verification/toDeploymentVerification';
import {
  computedEachTime,
  RememberedAnswers,
} from '../answers/RememberedAnswers';

// How many deployments waiting for promotion are looked at, newest first.
const MAX_MISSING_DEPLOYMENTS = 100;

/** What the views of environments read: deployments, the configured environments, the catalog. */
export interface EnvironmentViewOptions {
  store: DeliveryStore;
  environments: Environment[];
  catalog: EntityCatalog;
  /** The deployments' verifications, shown with what runs. */
  verifications?: DeploymentVerificationReader;
  /** How the entity's applications stand, as the sources (Argo CD) last read them. */
  applicationStatuses?: ApplicationStatusStore;
  /** Answers kept while the data does not change; none when left out. */
  answers?: RememberedAnswers;
}

/** Per environment of an entity: what runs, since when, what the next one lacks. */
export class EnvironmentStatusService {
  constructor(private readonly options: EnvironmentViewOptions) {}

  /**
   * The entity's environments in promotion order; a `NotFoundError` when the
   * caller's catalog has no such entity.
   */
  async getEnvironments(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityEnvironments> {
    const entity = await this.options.catalog.getEntity(entityRef, credentials);
    const environments = environmentsForEntity(
      this.options.environments,
      entity,
    );
    // What the catalog says decides only which environments are the entity's.
    const compute = () => this.environmentsOf(entityRef, environments);
    return (this.options.answers ?? computedEachTime).remembered(
      `environments:${entityRef}:${environments.map(e => e.name)}`,
      compute,
    );
  }

  private async environmentsOf(
    entityRef: string,
    environments: Environment[],
  ): Promise<EntityEnvironments> {
    const running = new Map(
      (
        await this.options.store.getLatestDeployments({
          entityRefs: [entityRef],
          environments: environments.map(({ name }) => name),
          succeededOnly: true,
        })
      ).map(deployment => [deployment.environment, deployment]),
    );

    const applications = new Map(
      (
        (await this.options.applicationStatuses?.listForEntity(entityRef)) ?? []
      ).map(({ entityRef: _, environment, ...status }) => [
        environment,
        status,
      ]),
    );

    const items = await Promise.all(
      environments.map(async (environment): Promise<EnvironmentStatus> => {
        const deployment = running.get(environment.name);
        const next = this.nextOf(environment, environments);
        const application = applications.get(environment.name);
        return {
          environment: {
            name: environment.name,
            title: environment.title,
            production: environment.production,
          },
          ...(deployment && { current: await this.runningVersion(deployment) }),
          ...(next && {
            next: await this.missingIn(next, deployment, running.get(next)),
          }),
          ...(application && { application }),
        };
      }),
    );
    return { entityRef, items };
  }

  /** The next environment in the promotion chain that the entity is delivered to. */
  private nextOf(
    environment: Environment,
    environments: Environment[],
  ): string | undefined {
    const delivered = new Set(environments.map(e => e.name));
    const seen = new Set<string>([environment.name]);
    let next = nextEnvironment(this.options.environments, environment.name);
    while (next && !delivered.has(next.name) && !seen.has(next.name)) {
      seen.add(next.name);
      next = nextEnvironment(this.options.environments, next.name);
    }
    return next && delivered.has(next.name) ? next.name : undefined;
  }

  private async runningVersion(
    deployment: DeploymentRecord,
  ): Promise<RunningVersion> {
    // Since the first success of this version after another version ran.
    const since = await runningSince(this.options.store, deployment);
    const [withItsCommits] = await withCommits(
      this.options.store,
      [deployment],
      this.options.verifications,
    );
    return { version: deployment.version, since, deployment: withItsCommits };
  }

  /**
   * What succeeded here after the version the next environment runs: its
   * versions and their commits.
   */
  private async missingIn(
    next: string,
    here: DeploymentRecord | undefined,
    there: DeploymentRecord | undefined,
  ): Promise<NextEnvironmentStatus> {
    const status: NextEnvironmentStatus = {
      environment: next,
      ...(there && { version: there.version }),
      missing: { versions: [], commits: [] },
    };
    if (!here) {
      return status;
    }
    const { entityRef, environment } = here;

    // Where that version succeeded here; for a version that never ran here
    // (a hotfix), when it reached the next environment.
    let since: string | undefined;
    if (there) {
      const [same] = await this.options.store.listSucceededDeployments({
        entityRef,
        environment,
        version: there.version,
        limit: 1,
      });
      since = same?.finishedAt ?? there.finishedAt;
    }
    const waiting = await this.options.store.listSucceededDeployments({
      entityRef,
      environment,
      finishedAfter: since,
      otherThanVersion: there?.version,
      limit: MAX_MISSING_DEPLOYMENTS,
    });

    const versions = new Map<string, MissingVersion>();
    for (const deployment of waiting) {
      if (!versions.has(deployment.version)) {
        versions.set(deployment.version, {
          version: deployment.version,
          deploymentId: deployment.id,
          finishedAt: deployment.finishedAt!,
        });
      }
    }
    status.missing = {
      versions: [...versions.values()],
      commits: await distinctCommits(this.options.store, waiting),
    };
    return status;
  }
}
