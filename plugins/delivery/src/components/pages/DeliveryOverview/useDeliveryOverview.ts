import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  DomainMatrix,
  Environment,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { deliveryApiRef } from '../../../api';
import {
  listFailuresSince,
  RecentFailures,
} from '../../deployments/recentFailures';
import {
  HealthIndicatorValues,
  readHealthIndicators,
} from '../../domains/HealthIndicators';

const DAY = 24 * 3600 * 1000;

/** One domain of the overview: its matrix (or why it failed) and its health indicators. */
export interface OverviewDomain {
  domainRef: string;
  title: string;
  matrix?: DomainMatrix;
  error?: Error;
  indicators: HealthIndicatorValues;
}

/** Everything the overview page shows, before filtering. */
export interface DeliveryOverviewData {
  environments: Environment[];
  domains: OverviewDomain[];
  /** Each component's owner, by component ref. */
  ownerOf: Map<string, string>;
  recent: RecentFailures;
}

function ownerRef(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string') {
    return undefined;
  }
  try {
    return normalizeEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Loads the overview: the domains and components from the catalog, each
 * domain's matrix and health indicators, and the portal's failures of the last 24 hours.
 */
export function useDeliveryOverview() {
  const catalogApi = useApi(catalogApiRef);
  const deliveryApi = useApi(deliveryApiRef);

  return useAsyncRetry(async (): Promise<DeliveryOverviewData> => {
    const fields = [
      'kind',
      'metadata.namespace',
      'metadata.name',
      'metadata.title',
      'spec.owner',
    ];
    const [domains, components, environments, recent] = await Promise.all([
      catalogApi.getEntities({ filter: { kind: 'domain' }, fields }),
      catalogApi.getEntities({ filter: { kind: 'component' }, fields }),
      deliveryApi.getEnvironments(),
      listFailuresSince(deliveryApi, { since: new Date(Date.now() - DAY) }),
    ]);

    const overviewDomains = await Promise.all(
      domains.items.map(async (domain): Promise<OverviewDomain> => {
        const domainRef = normalizeEntityRef(domain);
        const title = domain.metadata.title ?? domain.metadata.name;
        const [matrix, indicators] = await Promise.all([
          deliveryApi.getDomainMatrix(domainRef).then(
            value => ({ value }),
            (error: Error) => ({ error }),
          ),
          readHealthIndicators(deliveryApi, domainRef),
        ]);
        return {
          domainRef,
          title,
          indicators,
          ...('value' in matrix
            ? { matrix: matrix.value }
            : { error: matrix.error }),
        };
      }),
    );

    const ownerOf = new Map<string, string>();
    for (const component of components.items) {
      const owner = ownerRef(component);
      if (owner) ownerOf.set(normalizeEntityRef(component), owner);
    }

    return {
      environments,
      domains: overviewDomains.sort((a, b) => a.title.localeCompare(b.title)),
      ownerOf,
      recent,
    };
  }, [catalogApi, deliveryApi]);
}
