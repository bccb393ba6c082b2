import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { DeliveryFilterValues } from './DeliveryFilters';
import { DeliveryOverviewData } from './useDeliveryOverview';

/** Whose DORA metrics the overview shows, and how the section names them. */
export interface OverviewDoraScope {
  /** The chosen domain or owner; absent for the whole portal. */
  entityRef?: string;
  title: string;
  /** What the numbers cover, in words. */
  scope: string;
}

/**
 * The chosen domain's DORA, else the chosen owner's, else the portal's: DORA
 * pools one scope at a time, so with both chosen the domain wins, and the
 * title always says whose numbers these are. The environment filter does not
 * apply; DORA counts production only.
 */
export function overviewDoraScope(
  filters: DeliveryFilterValues,
  data: DeliveryOverviewData,
): OverviewDoraScope {
  if (filters.domain) {
    const title =
      data.domains.find(d => d.domainRef === filters.domain)?.title ??
      humanizeEntityRef(parseEntityRef(filters.domain));
    return {
      entityRef: filters.domain,
      title: `DORA metrics of ${title}`,
      scope: `the components of ${title}`,
    };
  }
  if (filters.owner) {
    const owner = humanizeEntityRef(parseEntityRef(filters.owner), {
      defaultKind: 'group',
    });
    return {
      entityRef: filters.owner,
      title: `DORA metrics of ${owner}`,
      scope: `the components ${owner} owns`,
    };
  }
  return { title: 'DORA metrics of the portal', scope: 'any component' };
}
