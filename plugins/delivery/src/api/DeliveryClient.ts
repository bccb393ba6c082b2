import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  DeploymentPage,
  DomainMatrix,
  DoraResponse,
  DoraTiers,
  EntityEnvironments,
  Environment,
  entityRouteSegments,
  FreezeWindowEntry,
  FreezeWindowRequest,
  Halt,
  HaltRequest,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
  PipelineHealth,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DeliveryApi,
  DeploymentQuery,
  DoraQuery,
  PromotionQuery,
} from './DeliveryApi';
import { lastDays } from '../dora/doraWindow';
import { callRoute } from './callRoute';

// The most promotions GET /promotions answers at once; more than this many
// waiting for approval are counted as this many.
const PENDING_COUNT_LIMIT = 200;

/**
 * Reads the delivery backend through Backstage's discovery and authenticated fetch.
 *
 * @public
 */
export class DeliveryClient implements DeliveryApi {
  private readonly apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi };

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.apis = {
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
    };
  }

  async getEnvironments(): Promise<Environment[]> {
    const { items } = await callRoute(this.apis, 'get', '/environments');
    return items;
  }

  async getEntityEnvironments(entityRef: string): Promise<EntityEnvironments> {
    return callRoute(
      this.apis,
      'get',
      '/entities/{kind}/{namespace}/{name}/environments',
      {
        path: entityRouteSegments(entityRef),
      },
    );
  }

  async getDeployments(query: DeploymentQuery = {}): Promise<DeploymentPage> {
    return callRoute(this.apis, 'get', '/deployments', {
      query: {
        entityRef: listOf(query.entityRef),
        domain: query.domain,
        owner: query.owner,
        environment: query.environment,
        status: listOf(query.status),
        since: query.since,
        cursor: query.cursor,
        limit: query.limit,
      },
    });
  }

  async getDomainMatrix(domainRef: string): Promise<DomainMatrix> {
    const { namespace, name } = entityRouteSegments(domainRef, {
      defaultKind: 'domain',
    });
    return callRoute(this.apis, 'get', '/domains/{namespace}/{name}/matrix', {
      path: { namespace, name },
    });
  }

  async previewPromotion(
    request: Omit<PromotionRequest, 'reason'> & { reason?: string },
  ): Promise<PromotionPreview> {
    return callRoute(this.apis, 'post', '/promotions/preview', {
      body: request,
    });
  }

  async requestPromotion(
    request: PromotionRequest,
  ): Promise<RequestedPromotion> {
    return callRoute(this.apis, 'post', '/promotions', { body: request });
  }

  async listPromotions(query: PromotionQuery = {}): Promise<Promotion[]> {
    const { items } = await callRoute(this.apis, 'get', '/promotions', {
      query: {
        // One parameter, the states separated by commas.
        state: query.state && listOf(query.state).join(','),
        entityRef: query.entityRef,
        domain: query.domain,
        environment: query.environment,
        limit: query.limit,
      },
    });
    return items;
  }

  async getPromotion(id: string): Promise<Promotion> {
    return callRoute(this.apis, 'get', '/promotions/{id}', { path: { id } });
  }

  async approvePromotion(id: string, comment?: string): Promise<Promotion> {
    return callRoute(this.apis, 'post', '/promotions/{id}/approve', {
      path: { id },
      body: comment ? { comment } : {},
    });
  }

  async rejectPromotion(id: string, comment?: string): Promise<Promotion> {
    return callRoute(this.apis, 'post', '/promotions/{id}/reject', {
      path: { id },
      body: comment ? { comment } : {},
    });
  }

  async cancelPromotion(id: string, comment?: string): Promise<Promotion> {
    return callRoute(this.apis, 'post', '/promotions/{id}/cancel', {
      path: { id },
      body: comment ? { comment } : {},
    });
  }

  async listFreezeWindows(): Promise<FreezeWindowEntry[]> {
    const { items } = await callRoute(this.apis, 'get', '/freeze-windows', {});
    return items;
  }

  async addFreezeWindow(
    request: FreezeWindowRequest,
  ): Promise<FreezeWindowEntry> {
    return callRoute(this.apis, 'post', '/freeze-windows', { body: request });
  }

  async deleteFreezeWindow(id: string): Promise<void> {
    await callRoute(this.apis, 'delete', '/freeze-windows/{id}', {
      path: { id },
    });
  }

  async listHalts(): Promise<Halt[]> {
    const { items } = await callRoute(this.apis, 'get', '/halts');
    return items;
  }

  async halt(request: HaltRequest): Promise<Halt> {
    return callRoute(this.apis, 'post', '/halts', { body: request });
  }

  async liftHalt(id: string): Promise<void> {
    await callRoute(this.apis, 'delete', '/halts/{id}', { path: { id } });
  }

  async getPipelineHealth(entityRef?: string): Promise<PipelineHealth> {
    return callRoute(this.apis, 'get', '/pipelines/health', {
      query: entityRef ? { entityRef } : {},
    });
  }

  async getDora(query: DoraQuery): Promise<DoraResponse> {
    return callRoute(this.apis, 'get', '/dora', { query });
  }

  // Not DORA's `openFailures`, which counts unrecovered failed deployments
  // (one however many incidents name it, none for an incident naming none).
  async countOpenIncidents(entityRef: string): Promise<number | undefined> {
    if (!isComponentOrDomain(entityRef)) {
      return undefined;
    }
    // `limit=0`: the backend answers the count without the incidents.
    const { totalCount } = await callRoute(this.apis, 'get', '/incidents', {
      query: { entityRef, open: true, limit: 0 },
    });
    return totalCount;
  }

  async countPendingApprovals(entityRef: string): Promise<number | undefined> {
    if (!isComponentOrDomain(entityRef)) {
      return undefined;
    }
    const pending = await this.listPromotions({
      state: 'pending_approval',
      ...(kindOf(entityRef) === 'domain'
        ? { domain: entityRef }
        : { entityRef }),
      limit: PENDING_COUNT_LIMIT,
    });
    return pending.length;
  }

  async getDoraTiers(entityRef: string): Promise<DoraTiers | undefined> {
    const { tiers } = await this.getDora({
      entityRef,
      ...lastDays(30, new Date()),
    });
    return tiers;
  }
}

function kindOf(entityRef: string): string {
  return parseEntityRef(entityRef).kind.toLocaleLowerCase('en-US');
}

// The scopes the backend counts incidents and pending approvals of.
function isComponentOrDomain(entityRef: string): boolean {
  const kind = kindOf(entityRef);
  return kind === 'component' || kind === 'domain';
}

// A parameter given once, several times or not at all, as a list.
function listOf<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}
