import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { listFailuresSince } from '../../deployments/recentFailures';
import { DeploymentHistory } from '../../deployments/DeploymentHistory';
import { DeploymentTable } from '../../deployments/DeploymentTable';
import { DomainMatrixTable } from '../DomainMatrixTable';
import { DoraSection } from '../../dora/DoraSection';
import { HealthIndicators, useHealthIndicators } from '../HealthIndicators';
import { LoadingState } from '../../shared/LoadingState';
import { PipelineHealthCard } from '../../pipelines/PipelineHealthCard';
import { ActiveControlsBanner } from '../../controls/ActiveControlsBanner';
import { useDeliverySignal } from '../../shared/useDeliverySignal';

const DAY = 24 * 3600 * 1000;

/**
 * A domain's delivery: the component × environment matrix with drift, its
 * DORA metrics, its pipelines and tests, its failures of the last 24 hours,
 * and its recent deployments.
 */
export const DomainDeliveryContent = ({ domainRef }: { domainRef: string }) => {
  const deliveryApi = useApi(deliveryApiRef);
  // The components on the page, to tell which of the backend's signals
  // concern it; until the matrix is read, none does.
  const components = useRef(new Set<string>());
  const signalled = useDeliverySignal(
    signal =>
      signal.type === 'halt' ||
      components.current.has(signal.entityRef.toLocaleLowerCase('en-US')),
  );
  const indicators = useHealthIndicators(domainRef, signalled);
  const domainName = parseEntityRef(domainRef, { defaultKind: 'domain' }).name;
  const { value, error } = useAsync(async () => {
    const [matrix, recent] = await Promise.all([
      deliveryApi.getDomainMatrix(domainRef),
      listFailuresSince(deliveryApi, {
        since: new Date(Date.now() - DAY),
        domain: domainRef,
      }),
    ]);
    components.current = new Set(
      matrix.rows.map(row => row.entityRef.toLocaleLowerCase('en-US')),
    );
    return { matrix, recent };
  }, [deliveryApi, domainRef, signalled]);

  if (error) {
    return (
      <ResponseErrorPanel
        title={`Could not load the delivery of ${domainName}`}
        error={error}
      />
    );
  }
  if (!value) {
    return <LoadingState message={`Loading the delivery of ${domainName}…`} />;
  }

  const { matrix, recent } = value;
  if (matrix.rows.length === 0) {
    return (
      <InfoCard title="No components">
        <Typography variant="body1">
          No component belongs to {domainName} through a system yet, or you may
          not see their deployments. A component belongs to a domain through its
          spec.system, and the system's spec.domain.
        </Typography>
      </InfoCard>
    );
  }

  const drifted = matrix.rows.filter(row => row.drift).length;
  const failures = recent.failures.length;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ActiveControlsBanner
          domainRef={domainRef}
          environments={matrix.environments}
        />
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard
          title="Versions by environment"
          titleTypographyProps={{ component: 'h2' }}
          subheader={`${matrix.rows.length} component${
            matrix.rows.length === 1 ? '' : 's'
          }, ${drifted} with drift between environments`}
        >
          <DomainMatrixTable
            matrix={matrix}
            caption={`The version each component of ${domainName} runs in each environment`}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Health" titleTypographyProps={{ component: 'h2' }}>
          <HealthIndicators values={indicators} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <DoraSection
          entityRef={domainRef}
          scope={`the components of ${domainName}`}
        />
      </Grid>
      <Grid item xs={12}>
        <PipelineHealthCard
          entityRef={domainRef}
          scope={`the components of ${domainName}`}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Failed deployments in the last 24 hours"
          titleTypographyProps={{ component: 'h2' }}
          subheader={
            failures === 0
              ? undefined
              : `${recent.complete ? '' : 'At least '}${failures} failed`
          }
        >
          {failures === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No deployment failed in {domainName} in the last 24 hours.
            </Typography>
          ) : (
            <DeploymentTable
              deployments={recent.failures}
              environments={matrix.environments}
              caption="Failed deployments in the last 24 hours"
              showEntity
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <DeploymentHistory
          title="Recent deployments"
          domain={domainRef}
          environments={matrix.environments}
          showEntity
          revision={signalled}
        />
      </Grid>
    </Grid>
  );
};
