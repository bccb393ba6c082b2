import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DELIVERY_ARGOCD_APP_ANNOTATION,
  DELIVERY_ENVIRONMENTS_ANNOTATION,
  DELIVERY_SERVICE_ANNOTATION,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** The catalog entities whose `domain-delivery.io/argocd-app` names their Argo CD applications. */
export class ArgoCdAnnotatedEntities {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${DELIVERY_ARGOCD_APP_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          `metadata.annotations.${DELIVERY_ARGOCD_APP_ANNOTATION}`,
          `metadata.annotations.${DELIVERY_ENVIRONMENTS_ANNOTATION}`,
          `metadata.annotations.${DELIVERY_SERVICE_ANNOTATION}`,
        ],
      },
      // A scheduled task acts for no user: the module reads as itself.
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items;
  }
}
