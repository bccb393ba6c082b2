import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';

/** The annotation that names an entity's GitHub repository, `owner/repo`. */
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/** The catalog entities whose `github.com/project-slug` names a repository. */
export class RepositoryEntities {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The refs of the repository's entities, sorted, so ids come out alike. */
  async refsOf(slug: string): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { [`metadata.annotations.${PROJECT_SLUG_ANNOTATION}`]: slug },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      // Webhooks come from no user: the plugin looks entities up as itself.
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return [...new Set(items.map(entity => normalizeEntityRef(entity)))].sort();
  }
}
