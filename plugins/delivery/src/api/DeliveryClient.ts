import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Environment } from '@internal/backstage-plugin-delivery-common';
import { DeliveryApi } from './DeliveryApi';

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

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('delivery');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      // Carries the server's own message (e.g. which field was wrong) to the person.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
