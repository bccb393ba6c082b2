import { ConflictError } from '@backstage/errors';
import {
  Deployment,
  DeploymentPage,
  DomainMatrix,
  DoraResponse,
  EntityEnvironments,
  Environment,
  Incident,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
  sortEnvironments,
  DoraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DeliveryApi,
  DeploymentQuery,
  DoraQuery,
  PromotionQuery,
} from '../../src/api';
import { lastDays } from '../../src/dora/doraWindow';
import { inMemoryDora } from './inMemoryDora';
import { InMemoryPromotions } from './InMemoryPromotions';
import { evaluateInMemoryPolicy } from './inMemoryPromotionPolicy';
import { fakeValuesFileChange } from './fakeValuesFileChange';
import { newestFirst } from '../../src/components/deployments/deploymentOrder';
import { deploymentQueryFilter } from './inMemoryDeploymentQuery';
import {
  domainMatrixOf,
  entityEnvironmentsOf,
  succeededDeployments,
} from './inMemoryEnvironments';

/** A component the fake knows, with the domain it belongs to through its system. */
export interface FakeComponent {
  entityRef: string;
  title?: string;
  system: string;
  domain: string;
  /** The owning group, e.g. `group:default/team-journey`; counted in that group's DORA. */
  owner?: string;
}

/** Fixed health indicator values by entity ref, in place of those the fake works out. */
export interface FakeHealthIndicators {
  openIncidents?: Record<string, number>;
  pendingApprovals?: Record<string, number>;
  doraTiers?: Record<string, DoraTiers>;
}

/**
 * An in-memory delivery API over a list of deployments, for the dev page and
 * tests: answers like the backend does, without one.
 */
export class InMemoryDeliveryApi implements DeliveryApi {
  readonly environments: Environment[];
  readonly deployments: Deployment[];
  readonly components: FakeComponent[];
  private readonly incidents: Incident[];
  private readonly indicators: FakeHealthIndicators;
  readonly promotions: InMemoryPromotions;

  constructor(options: {
    environments: Environment[];
    deployments: Deployment[];
    components: FakeComponent[];
    incidents?: Incident[];
    indicators?: FakeHealthIndicators;
    promotions?: InMemoryPromotions;
  }) {
    this.promotions = options.promotions ?? new InMemoryPromotions();
    this.environments = sortEnvironments(options.environments);
    this.deployments = [...options.deployments].sort(newestFirst);
    this.components = options.components;
    this.incidents = options.incidents ?? [];
    this.indicators = options.indicators ?? {};
  }

  async getEnvironments(): Promise<Environment[]> {
    return this.environments;
  }

  async getEntityEnvironments(entityRef: string): Promise<EntityEnvironments> {
    return entityEnvironmentsOf(this, entityRef);
  }

  async getDeployments(query: DeploymentQuery = {}): Promise<DeploymentPage> {
    const matching = this.deployments.filter(
      deploymentQueryFilter(query, this.components),
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
    return domainMatrixOf(this, domainRef);
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
    const policy = evaluateInMemoryPolicy({
      request,
      environment: this.environments.find(e => e.name === request.environment),
      target,
      source,
      succeeded: environment =>
        succeededDeployments(this.deployments, request.entityRef, environment),
      promotions: this.promotions,
      now: new Date(),
    });
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
      change: fakeValuesFileChange({
        ...request,
        currentVersion: target?.current?.version,
      }),
      approvals: {
        required: this.promotions.requiredApprovals(request.environment),
        approvers: this.promotions.approvers(request.environment),
        allowSelfApproval: false,
      },
      changeFailureRate: this.promotions.changeFailureRate(request.environment),
      ...policy,
    };
  }

  async requestPromotion(
    request: PromotionRequest,
  ): Promise<RequestedPromotion> {
    const { items } = await this.getEntityEnvironments(request.entityRef);
    const target = items.find(i => i.environment.name === request.environment);
    // Refused like the backend refuses it: a 409 that names every rule.
    const { violations, warnings } = await this.previewPromotion(request);
    if (violations.length > 0) {
      throw new ConflictError(
        violations
          .map(v => `Refused by the ${v.rule} rule: ${v.message}`)
          .join('; '),
      );
    }
    return {
      ...this.promotions.request(request, target?.current?.version),
      warnings,
    };
  }

  async listPromotions(query: PromotionQuery = {}): Promise<Promotion[]> {
    if (!query.domain) {
      return this.promotions.list(query);
    }
    // Like the backend: the domain's components, through their systems.
    const inDomain = new Set(
      this.components
        .filter(c => c.domain === query.domain)
        .map(c => c.entityRef),
    );
    const { limit = 50, ...rest } = query;
    return this.promotions
      .list({ ...rest, limit: Number.MAX_SAFE_INTEGER })
      .filter(p => inDomain.has(p.entityRef))
      .slice(0, limit);
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

  async getDora(query: DoraQuery): Promise<DoraResponse> {
    const production = new Set(
      this.environments.filter(e => e.production).map(e => e.name),
    );
    const inScope = this.scopeOf(query.entityRef);
    return inMemoryDora(
      this.deployments.filter(
        d =>
          d.status === 'succeeded' &&
          production.has(d.environment) &&
          inScope(d.entityRef),
      ),
      query,
      this.deployments,
    );
  }

  async countOpenIncidents(entityRef: string) {
    if (this.indicators.openIncidents) {
      return this.indicators.openIncidents[entityRef];
    }
    // Like GET /incidents: a component, or a domain's components.
    const kind = entityRef.split(':')[0];
    if (kind !== 'component' && kind !== 'domain') {
      return undefined;
    }
    const inScope = this.scopeOf(entityRef);
    return this.incidents.filter(
      incident => !incident.resolvedAt && inScope(incident.entityRef),
    ).length;
  }

  async countPendingApprovals(entityRef: string) {
    if (this.indicators.pendingApprovals) {
      return this.indicators.pendingApprovals[entityRef];
    }
    const kind = entityRef.split(':')[0];
    if (kind !== 'component' && kind !== 'domain') {
      return undefined;
    }
    const pending = await this.listPromotions({
      state: 'pending_approval',
      ...(kind === 'domain' ? { domain: entityRef } : { entityRef }),
      limit: 200,
    });
    return pending.length;
  }

  async getDoraTiers(entityRef: string) {
    if (this.indicators.doraTiers) {
      return this.indicators.doraTiers[entityRef];
    }
    const { tiers } = await this.getDora({
      entityRef,
      ...lastDays(30, new Date()),
    });
    return tiers;
  }

  /** Whether a deployment's entity counts in a DORA scope, as the backend decides it. */
  private scopeOf(scopeRef?: string): (entityRef: string) => boolean {
    if (!scopeRef) {
      return () => true;
    }
    const kind = scopeRef.split(':')[0];
    if (kind === 'domain' || kind === 'group') {
      const refs = new Set(
        this.components
          .filter(c => (kind === 'domain' ? c.domain : c.owner) === scopeRef)
          .map(c => c.entityRef),
      );
      return entityRef => refs.has(entityRef);
    }
    return entityRef => entityRef === scopeRef;
  }
}
