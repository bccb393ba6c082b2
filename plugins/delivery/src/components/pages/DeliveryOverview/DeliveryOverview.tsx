import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  EmptyState,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { summarizeDomainHealth } from '../../domains/domainHealth';
import { ApprovalsLink } from '../../promotions/ApprovalsLink';
import { ActiveControlsBanner } from '../../controls/ActiveControlsBanner';
import { ControlsLink } from '../../controls/ControlsLink';
import { DeliveryFilters, DeliveryFilterValues } from './DeliveryFilters';
import { DeploymentHistory } from '../../deployments/DeploymentHistory';
import { DomainHealthCard } from '../../domains/DomainHealthCard';
import { DoraSection } from '../../dora/DoraSection';
import { LoadingState } from '../../shared/LoadingState';
import { PipelineHealthCard } from '../../pipelines/PipelineHealthCard';
import {
  DeliveryOverviewData,
  useDeliveryOverview,
} from './useDeliveryOverview';
import { overviewDoraScope } from './overviewDoraScope';

/**
 * Whose deployments the newest-deployments list shows under the filters, for
 * the backend to resolve through the catalog: all when undefined, none for a
 * domain the catalog does not have.
 */
function historyScope(
  data: DeliveryOverviewData,
  domain: string,
  owner: string,
): { entityRefs?: string[]; domain?: string; owner?: string } | undefined {
  if (!domain && !owner) {
    return undefined;
  }
  if (domain && !data.domains.some(d => d.domainRef === domain)) {
    return { entityRefs: [] };
  }
  return { ...(domain && { domain }), ...(owner && { owner }) };
}

const OverviewBody = ({ data }: { data: DeliveryOverviewData }) => {
  const [params, setParams] = useSearchParams();
  const filters: DeliveryFilterValues = {
    domain: params.get('domain') ?? '',
    owner: params.get('owner') ?? '',
    environment: params.get('environment') ?? '',
  };
  const setFilters = (values: DeliveryFilterValues) =>
    setParams(
      Object.fromEntries(Object.entries(values).filter(([, value]) => value)),
      { replace: true },
    );

  const owned = filters.owner
    ? new Set(
        [...data.ownerOf]
          .filter(([, owner]) => owner === filters.owner)
          .map(([ref]) => ref),
      )
    : undefined;
  const cards = data.domains
    .filter(domain => !filters.domain || domain.domainRef === filters.domain)
    .map(domain => ({
      domain,
      health:
        domain.matrix &&
        summarizeDomainHealth(domain.matrix, {
          entityRefs: owned,
          environment: filters.environment || undefined,
          recentFailures: data.recent.failures,
        }),
    }))
    .filter(({ health }) => !owned || (health?.components ?? 0) > 0);

  const { domain: domainFilter, owner: ownerFilter } = filters;
  const scope = useMemo(
    () => historyScope(data, domainFilter, ownerFilter),
    [data, domainFilter, ownerFilter],
  );
  const owners = [...new Set(data.ownerOf.values())].sort().map(value => ({
    value,
    label: humanizeEntityRef(parseEntityRef(value), { defaultKind: 'group' }),
  }));

  return (
    <>
      <DeliveryFilters
        values={filters}
        onChange={setFilters}
        domains={data.domains.map(d => ({
          value: d.domainRef,
          label: d.title,
        }))}
        owners={owners}
        environments={data.environments.map(e => ({
          value: e.name,
          label: e.title,
        }))}
      />
      <Grid container spacing={3}>
        {cards.length === 0 && (
          <Grid item xs={12}>
            <EmptyState
              missing="data"
              title="No domain matches these filters"
              description="A domain shows here when the catalog has it and, with an owner chosen, when that owner has a component in it."
            />
          </Grid>
        )}
        {cards.map(({ domain, health }) => (
          <Grid item xs={12} md={6} xl={4} key={domain.domainRef}>
            <DomainHealthCard
              domainRef={domain.domainRef}
              title={domain.title}
              health={health}
              error={domain.error}
              indicators={domain.indicators}
              failuresComplete={data.recent.complete}
            />
          </Grid>
        ))}
        <Grid item xs={12}>
          <DoraSection {...overviewDoraScope(filters, data)} />
        </Grid>
        <Grid item xs={12}>
          <PipelineHealthCard
            entityRef={filters.domain || undefined}
            scope={
              filters.domain
                ? `the components of ${
                    data.domains.find(d => d.domainRef === filters.domain)
                      ?.title ?? filters.domain
                  }`
                : 'every delivered component of the portal'
            }
          />
        </Grid>
        <Grid item xs={12}>
          <DeploymentHistory
            title="Newest deployments"
            {...scope}
            environments={data.environments}
            environment={filters.environment}
            showEntity
          />
        </Grid>
      </Grid>
    </>
  );
};

/** The Delivery overview: every domain's health and the newest deployments, filterable. */
export const DeliveryOverview = () => {
  const { value, error } = useDeliveryOverview();
  let body;
  if (error) {
    body = (
      <ResponseErrorPanel
        title="Could not load the delivery overview"
        error={error}
      />
    );
  } else if (!value) {
    body = <LoadingState message="Loading every domain’s delivery…" />;
  } else if (value.domains.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No domains in the catalog"
        description="Add Domain entities to the catalog, with systems and components that belong to them, to see their delivery here."
      />
    );
  } else {
    body = <OverviewBody data={value} />;
  }
  return (
    <Content>
      <ContentHeader
        title="Delivery overview"
        description="Every domain’s health at a glance and the newest deployments across the portal"
      >
        <ApprovalsLink />
        <ControlsLink />
      </ContentHeader>
      <ActiveControlsBanner environments={value?.environments} />
      {body}
    </Content>
  );
};
