import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
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

  /** Every annotated repository (`owner/repo`) with the refs of its entities, sorted. */
  async repositories(): Promise<Map<string, string[]>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${PROJECT_SLUG_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          `metadata.annotations.${PROJECT_SLUG_ANNOTATION}`,
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const refs = new Map<string, Set<string>>();
    for (const entity of items) {
      const slug = entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION];
      if (slug && /^[^/\s]+\/[^/\s]+$/.test(slug.trim())) {
        const set = refs.get(slug.trim()) ?? new Set<string>();
        set.add(normalizeEntityRef(entity));
        refs.set(slug.trim(), set);
      }
    }
    return new Map([...refs].map(([slug, set]) => [slug, [...set].sort()]));
  }
}
