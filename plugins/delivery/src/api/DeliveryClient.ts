import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeploymentPage,
  DomainMatrix,
  DoraResponse,
  EntityEnvironments,
  Environment,
  entityRouteSegments,
  IncidentPage,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
} from '@internal/backstage-plugin-delivery-common';
import {
  DeliveryApi,
  DeploymentQuery,
  DoraQuery,
  DoraTiers,
  PromotionQuery,
} from './DeliveryApi';
import { lastDays } from '../dora/doraWindow';

// The most promotions GET /promotions answers at once; more than this many
// waiting for approval are counted as this many.
const PENDING_COUNT_LIMIT = 200;

/** Reads the delivery backend through Backstage's discovery and authenticated fetch. */
export class DeliveryClient implements DeliveryApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEnvironments(): Promise<Environment[]> {
    const body = await this.get<{ items: Environment[] }>('/environments');
    return body.items;
  }

  async getEntityEnvironments(entityRef: string): Promise<EntityEnvironments> {
    const { kind, namespace, name } = entityRouteSegments(entityRef);
    return this.get(
      `/entities/${encode(kind)}/${encode(namespace)}/${encode(
        name,
      )}/environments`,
    );
  }

  async getDeployments(query: DeploymentQuery = {}): Promise<DeploymentPage> {
    const params = new URLSearchParams();
    // Repeated parameters: `entityRef=a&entityRef=b`.
    for (const entityRef of listOf(query.entityRef)) {
      params.append('entityRef', entityRef);
    }
    if (query.domain) params.set('domain', query.domain);
    if (query.owner) params.set('owner', query.owner);
    if (query.environment) params.set('environment', query.environment);
    for (const status of listOf(query.status)) {
      params.append('status', status);
    }
    if (query.since) params.set('since', query.since);
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    return this.get(`/deployments${search ? `?${search}` : ''}`);
  }

  async getDomainMatrix(domainRef: string): Promise<DomainMatrix> {
    const { namespace, name } = entityRouteSegments(domainRef, {
      defaultKind: 'domain',
    });
    return this.get(`/domains/${encode(namespace)}/${encode(name)}/matrix`);
  }

  async previewPromotion(
    request: Omit<PromotionRequest, 'reason'> & { reason?: string },
  ): Promise<PromotionPreview> {
    return this.send('POST', '/promotions/preview', request);
  }

  async requestPromotion(
    request: PromotionRequest,
  ): Promise<RequestedPromotion> {
    return this.send('POST', '/promotions', request);
  }

  async listPromotions(query: PromotionQuery = {}): Promise<Promotion[]> {
    const params = new URLSearchParams();
    if (query.state) {
      params.set('state', ([] as string[]).concat(query.state).join(','));
    }
    if (query.entityRef) params.set('entityRef', query.entityRef);
    if (query.domain) params.set('domain', query.domain);
    if (query.environment) params.set('environment', query.environment);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    const body = await this.get<{ items: Promotion[] }>(
      `/promotions${search ? `?${search}` : ''}`,
    );
    return body.items;
  }

  async getPromotion(id: string): Promise<Promotion> {
    return this.get(`/promotions/${encode(id)}`);
  }

  async approvePromotion(id: string, comment?: string): Promise<Promotion> {
    return this.decide(id, 'approve', comment);
  }

  async rejectPromotion(id: string, comment?: string): Promise<Promotion> {
    return this.decide(id, 'reject', comment);
  }

  async cancelPromotion(id: string, comment?: string): Promise<Promotion> {
    return this.decide(id, 'cancel', comment);
  }

  async getDora(query: DoraQuery): Promise<DoraResponse> {
    const params = new URLSearchParams({ from: query.from, to: query.to });
    if (query.entityRef) params.set('entityRef', query.entityRef);
    if (query.bucket) params.set('bucket', query.bucket);
    if (query.timeZone) params.set('timeZone', query.timeZone);
    return this.get(`/dora?${params.toString()}`);
  }

  // Not DORA's `openFailures`, which counts unrecovered failed deployments
  // (one however many incidents name it, none for an incident naming none).
  async countOpenIncidents(entityRef: string): Promise<number | undefined> {
    if (!isComponentOrDomain(entityRef)) {
      return undefined;
    }
    // `limit=0`: the backend answers the count without the incidents.
    const params = new URLSearchParams({ entityRef, open: 'true', limit: '0' });
    const { totalCount } = await this.get<IncidentPage>(
      `/incidents?${params.toString()}`,
    );
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

  private decide(
    id: string,
    decision: 'approve' | 'reject' | 'cancel',
    comment?: string,
  ): Promise<Promotion> {
    return this.send(
      'POST',
      `/promotions/${encode(id)}/${decision}`,
      comment ? { comment } : {},
    );
  }

  private get<T>(path: string): Promise<T> {
    return this.send('GET', path);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('delivery');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}`,
      body === undefined
        ? { method }
        : {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    if (!response.ok) {
      // Carries the server's own message (e.g. which field was wrong) to the person.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
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

function encode(segment: string): string {
  return encodeURIComponent(segment);
}

// A parameter given once, several times or not at all, as a list.
function listOf<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}
