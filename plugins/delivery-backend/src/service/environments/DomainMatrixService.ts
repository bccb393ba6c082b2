import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DomainMatrix,
  DomainMatrixCell,
  DomainMatrixRow,
  Environment,
  sortEnvironments,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentRecord } from '../../database/DeliveryStore';
import { DomainComponent } from '../catalog/EntityCatalog';
import { ReadableEntities } from '../deployments/DeploymentsService';
import { computedEachTime } from '../answers/RememberedAnswers';
import { EnvironmentViewOptions } from './EnvironmentStatusService';

const key = (entityRef: string, environment: string) =>
  `${entityRef}\n${environment}`;

function byEntityAndEnvironment(deployments: DeploymentRecord[]) {
  return new Map(
    deployments.map(deployment => [
      key(deployment.entityRef, deployment.environment),
      deployment,
    ]),
  );
}

/** Components × environments of a domain, with drift marked. */
export class DomainMatrixService {
  private readonly environments: Environment[];

  constructor(private readonly options: EnvironmentViewOptions) {
    this.environments = sortEnvironments(options.environments);
  }

  /**
   * The matrix of the domain's components whose deployments the caller may
   * read; a `NotFoundError` when the catalog has no such domain.
   */
  async getMatrix(
    domainRef: string,
    credentials: BackstageCredentials,
    readable: ReadableEntities,
  ): Promise<DomainMatrix> {
    const all = await this.options.catalog.getDomainComponents(
      domainRef,
      credentials,
    );
    const allowed = await readable(all.map(c => c.entityRef));
    const components = all.filter(c => allowed.has(c.entityRef));
    // The whole matrix is kept under the data version: the key names the
    // rest it is built from, each row's component as the catalog has it.
    const answer = `matrix:${domainRef}:${JSON.stringify(
      components.map(c => [
        c.entityRef,
        c.systemRef,
        c.entity.metadata.title ?? null,
      ]),
    )}`;
    return (this.options.answers ?? computedEachTime).remembered(answer, () =>
      this.build(domainRef, components),
    );
  }

  private async build(
    domainRef: string,
    components: DomainComponent[],
  ): Promise<DomainMatrix> {
    const entityRefs = components.map(c => c.entityRef);
    const environments = this.environments.map(({ name }) => name);
    // What runs in each cell and what was deployed there last, finished or not.
    const [running, latest] = await Promise.all([
      this.options.store.getLatestDeployments({
        entityRefs,
        environments,
        succeededOnly: true,
      }),
      this.options.store.getLatestDeployments({
        entityRefs,
        environments,
        succeededOnly: false,
      }),
    ]);
    const runningByCell = byEntityAndEnvironment(running);
    const latestByCell = byEntityAndEnvironment(latest);

    return {
      domainRef,
      environments: this.environments.map(
        ({ name, title, production, promotion }) => ({
          name,
          title,
          production,
          ...(promotion.promotedFrom && {
            promotedFrom: promotion.promotedFrom,
          }),
        }),
      ),
      rows: components.map(component =>
        this.row(component, runningByCell, latestByCell),
      ),
    };
  }

  private row(
    component: DomainComponent,
    running: Map<string, DeploymentRecord>,
    latest: Map<string, DeploymentRecord>,
  ): DomainMatrixRow {
    let previousVersion: string | undefined;
    const versions = new Set<string>();
    const runningIn = new Map<string, string>();
    const cells = this.environments.map(
      ({ name, promotion }): DomainMatrixCell => {
        const current = running.get(key(component.entityRef, name));
        const last = latest.get(key(component.entityRef, name));
        // Drift: a version other than the one running where it is promoted
        // from (two production regions are each compared with their source,
        // not with each other), else than the nearest earlier environment's.
        const sourceVersion =
          (promotion.promotedFrom && runningIn.get(promotion.promotedFrom)) ||
          previousVersion;
        const drift =
          current !== undefined &&
          sourceVersion !== undefined &&
          current.version !== sourceVersion;
        if (current) {
          previousVersion = current.version;
          versions.add(current.version);
          runningIn.set(name, current.version);
        }
        return {
          environment: name,
          ...(current && {
            version: current.version,
            deploymentId: current.id,
            finishedAt: current.finishedAt,
          }),
          ...(last && { status: last.status }),
          ...(last &&
            last.id !== current?.id && {
              latest: {
                deploymentId: last.id,
                version: last.version,
                status: last.status,
              },
            }),
          drift,
        };
      },
    );

    const title = component.entity.metadata.title;
    return {
      entityRef: component.entityRef,
      ...(title && { title }),
      system: component.systemRef,
      drift: versions.size > 1,
      cells,
    };
  }
}
