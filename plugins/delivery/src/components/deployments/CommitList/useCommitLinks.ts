import { Entity } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** The annotation that names an entity's GitHub repository, `owner/repo`. */
const PROJECT_SLUG = 'github.com/project-slug';
const SOURCE_LOCATION = 'backstage.io/source-location';

/**
 * The web address of the entity's GitHub repository, from its
 * `github.com/project-slug`; on GitHub Enterprise, the host is the one its
 * source location names.
 */
export function repositoryUrl(entity: Entity | undefined): string | undefined {
  const slug = entity?.metadata.annotations?.[PROJECT_SLUG]?.trim();
  if (!slug || !/^[^/\s]+\/[^/\s]+$/.test(slug)) {
    return undefined;
  }
  let host = 'github.com';
  const source = entity?.metadata.annotations?.[SOURCE_LOCATION];
  try {
    const url = new URL(source?.replace(/^url:/, '') ?? '');
    if (
      url.pathname
        .toLocaleLowerCase('en-US')
        .startsWith(`/${slug.toLocaleLowerCase('en-US')}`)
    ) {
      host = url.host;
    }
  } catch {
    // No source location, or not a URL: github.com.
  }
  return `https://${host}/${slug}`;
}

/**
 * The link to each commit of the entity's repository, or undefined while it
 * is not known (or the entity names no GitHub repository). Read from the
 * catalog, never from GitHub.
 */
export function useCommitLinks(
  entityRef: string | undefined,
): ((sha: string) => string) | undefined {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!entityRef || !catalogApi) {
      return undefined;
    }
    return repositoryUrl(
      await catalogApi.getEntityByRef(entityRef).catch(() => undefined),
    );
  }, [catalogApi, entityRef]);
  return value ? sha => `${value}/commit/${sha}` : undefined;
}
