import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeploymentPage,
  DomainMatrix,
  EntityEnvironments,
  Environment,
  entityRouteSegments,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
} from '@internal/backstage-plugin-delivery-common';
import {
  DeliveryApi,
  DeploymentQuery,
  DoraTiers,
  PromotionQuery,
} from './DeliveryApi';

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
    if (query.entityRef) params.set('entityRef', query.entityRef);
    if (query.environment) params.set('environment', query.environment);
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

  // No backend route yet: the incident, promotion and DORA issues fill these in.
  async countOpenIncidents(_entityRef: string): Promise<number | undefined> {
    return undefined;
  }

  async countPendingApprovals(_entityRef: string): Promise<number | undefined> {
    return undefined;
  }

  async getDoraTiers(_entityRef: string): Promise<DoraTiers | undefined> {
    return undefined;
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

function encode(segment: string): string {
  return encodeURIComponent(segment);
}
