import {
  Deployment,
  DeploymentCommit,
  DeploymentPage,
  DomainMatrix,
  DomainMatrixCell,
  EntityEnvironments,
  Environment,
  EnvironmentStatus,
  EnvironmentSummary,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
  sortEnvironments,
} from '@internal/backstage-plugin-delivery-common';
import {
  DeliveryApi,
  DeploymentQuery,
  DoraTiers,
  PromotionQuery,
} from '../api';
import { InMemoryPromotions } from './InMemoryPromotions';
import { newestFirst } from '../deployments/deploymentOrder';

/** A component the fake knows, with the domain it belongs to through its system. */
export interface FakeComponent {
  entityRef: string;
  title?: string;
  system: string;
  domain: string;
}

/** Values for the signals that have no backend route yet, by entity ref. */
export interface FakeSignals {
  openIncidents?: Record<string, number>;
  pendingApprovals?: Record<string, number>;
  doraTiers?: Record<string, DoraTiers>;
}

function summary(environment: Environment): EnvironmentSummary {
  const { name, title, production } = environment;
  return { name, title, production };
}

function dedupeCommits(deployments: Deployment[]): DeploymentCommit[] {
  const seen = new Map<string, DeploymentCommit>();
  for (const deployment of deployments) {
    for (const commit of deployment.commits) {
      if (!seen.has(commit.sha)) seen.set(commit.sha, commit);
    }
  }
  return [...seen.values()].sort((a, b) =>
    b.committedAt.localeCompare(a.committedAt),
  );
}

/**
 * An in-memory delivery API over a list of deployments, for the dev page and
 * tests: answers like the backend does, without one.
 */
export class InMemoryDeliveryApi implements DeliveryApi {
  private readonly environments: Environment[];
  private readonly deployments: Deployment[];
  private readonly components: FakeComponent[];
  private readonly signals: FakeSignals;
  readonly promotions: InMemoryPromotions;

  constructor(options: {
    environments: Environment[];
    deployments: Deployment[];
    components: FakeComponent[];
    signals?: FakeSignals;
    promotions?: InMemoryPromotions;
  }) {
    this.promotions = options.promotions ?? new InMemoryPromotions();
    this.environments = sortEnvironments(options.environments);
    this.deployments = [...options.deployments].sort(newestFirst);
    this.components = options.components;
    this.signals = options.signals ?? {};
  }

  async getEnvironments(): Promise<Environment[]> {
    return this.environments;
  }

  async getEntityEnvironments(entityRef: string): Promise<EntityEnvironments> {
    const items = this.environments.map((environment): EnvironmentStatus => {
      const succeeded = this.succeeded(entityRef, environment.name);
      const running = succeeded[0];
      const nextEnvironment = this.environments.find(
        e => e.promotion.promotedFrom === environment.name,
      );
      const status: EnvironmentStatus = { environment: summary(environment) };
      if (running) {
        const older = succeeded.findIndex(d => d.version !== running.version);
        const streak = older === -1 ? succeeded : succeeded.slice(0, older);
        status.current = {
          version: running.version,
          since: streak[streak.length - 1].finishedAt!,
          deployment: running,
        };
      }
      if (nextEnvironment) {
        const there = this.succeeded(entityRef, nextEnvironment.name)[0];
        const stop = succeeded.findIndex(d => d.version === there?.version);
        const ahead = stop === -1 ? succeeded : succeeded.slice(0, stop);
        const versions = new Map<string, Deployment>();
        ahead.forEach(
          d => versions.has(d.version) || versions.set(d.version, d),
        );
        status.next = {
          environment: nextEnvironment.name,
          ...(there && { version: there.version }),
          missing: {
            versions: [...versions.values()].map(d => ({
              version: d.version,
              deploymentId: d.id,
              finishedAt: d.finishedAt!,
            })),
            commits: dedupeCommits(ahead),
          },
        };
      }
      return status;
    });
    return { entityRef, items };
  }

  async getDeployments(query: DeploymentQuery = {}): Promise<DeploymentPage> {
    const matching = this.deployments.filter(
      d =>
        (!query.entityRef || d.entityRef === query.entityRef) &&
        (!query.environment || d.environment === query.environment),
    );
    const start = query.cursor ? Number(query.cursor) : 0;
    const limit = query.limit ?? 25;
    const items = matching.slice(start, start + limit);
    const end = start + items.length;
    return {
      items,
      ...(end < matching.length && { nextCursor: String(end) }),
    };
  }

  async getDomainMatrix(domainRef: string): Promise<DomainMatrix> {
    const components = this.components.filter(c => c.domain === domainRef);
    const rows = components.map(component => {
      let previous: string | undefined;
      const cells = this.environments.map((environment): DomainMatrixCell => {
        const all = this.deployments.filter(
          d =>
            d.entityRef === component.entityRef &&
            d.environment === environment.name,
        );
        const running = all.find(d => d.status === 'succeeded');
        const latest = all[0];
        const drift = Boolean(
          running && previous !== undefined && previous !== running.version,
        );
        if (running) previous = running.version;
        return {
          environment: environment.name,
          drift,
          ...(running && {
            version: running.version,
            deploymentId: running.id,
            finishedAt: running.finishedAt,
          }),
          ...(latest && { status: latest.status }),
          ...(latest &&
            latest !== running && {
              latest: {
                deploymentId: latest.id,
                version: latest.version,
                status: latest.status,
              },
            }),
        };
      });
      return {
        entityRef: component.entityRef,
        ...(component.title && { title: component.title }),
        system: component.system,
        drift: cells.some(cell => cell.drift),
        cells,
      };
    });
    return {
      domainRef,
      environments: this.environments.map(summary),
      rows,
    };
  }

  async previewPromotion(
    request: Omit<PromotionRequest, 'reason'>,
  ): Promise<PromotionPreview> {
    const { items } = await this.getEntityEnvironments(request.entityRef);
    const target = items.find(i => i.environment.name === request.environment);
    const source = items.find(i => i.next?.environment === request.environment);
    const missing = source?.next?.missing;
    const upTo = missing?.versions.findIndex(
      v => v.version === request.version,
    );
    return {
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      trigger: request.trigger ?? 'promotion',
      ...(target?.current && { currentVersion: target.current.version }),
      ...(source && { sourceEnvironment: source.environment.name }),
      commits:
        request.trigger === 'rollback' || !missing || upTo === undefined
          ? []
          : missing.commits,
      approvals: {
        required: this.promotions.requiredApprovals(request.environment),
        approvers: this.promotions.approvers(request.environment),
        allowSelfApproval: false,
      },
      changeFailureRate: null,
      violations: [],
      warnings: [],
    };
  }

  async requestPromotion(
    request: PromotionRequest,
  ): Promise<RequestedPromotion> {
    const { items } = await this.getEntityEnvironments(request.entityRef);
    const target = items.find(i => i.environment.name === request.environment);
    return this.promotions.request(request, target?.current?.version);
  }

  async listPromotions(query?: PromotionQuery): Promise<Promotion[]> {
    return this.promotions.list(query);
  }

  async getPromotion(id: string): Promise<Promotion> {
    return this.promotions.get(id);
  }

  async approvePromotion(id: string, comment?: string): Promise<Promotion> {
    return this.promotions.decide(id, 'approve', comment);
  }

  async rejectPromotion(id: string, comment?: string): Promise<Promotion> {
    return this.promotions.decide(id, 'reject', comment);
  }

  async cancelPromotion(id: string, comment?: string): Promise<Promotion> {
    return this.promotions.decide(id, 'cancel', comment);
  }

  async countOpenIncidents(entityRef: string) {
    return this.signals.openIncidents?.[entityRef];
  }

  async countPendingApprovals(entityRef: string) {
    return this.signals.pendingApprovals?.[entityRef];
  }

  async getDoraTiers(entityRef: string) {
    return this.signals.doraTiers?.[entityRef];
  }

  private succeeded(entityRef: string, environment: string): Deployment[] {
    return this.deployments.filter(
      d =>
        d.entityRef === entityRef &&
        d.environment === environment &&
        d.status === 'succeeded',
    );
  }
}
