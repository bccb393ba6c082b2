import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Content, ContentHeader, Link } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import { DeliveryHowTo } from '../src/components/shared/DeliveryHowTo';
import { EntityDeliverySummaryCard } from '../src/components/entity/EntityDeliverySummaryCard';
import { EntityDeploymentsContent } from '../src/components/entity/EntityDeploymentsContent';
import { EntityDomainDeliveryContent } from '../src/components/entity/EntityDomainDeliveryContent';
import { EntityDoraCard } from '../src/components/entity/EntityDoraCard';
import { GroupDoraCard } from '../src/components/entity/GroupDoraCard';
import { exampleCatalogEntities } from './fake/exampleApis';
import { currentScenario, scenarios } from './scenarioApi';

const entities = exampleCatalogEntities();
const notDelivered: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { namespace: 'default', name: 'delivery-docs-site' },
  spec: { type: 'website', lifecycle: 'production', owner: 'platform-admins' },
};

// The teams that own the example components, for the team view's DORA card.
const teams = [
  ...new Set(
    entities
      .filter(e => e.kind === 'Component')
      .map(e => String(e.spec?.owner).replace(/^group:default\//, '')),
  ),
].map(
  (name): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { namespace: 'default', name },
    spec: { type: 'team', children: [] },
  }),
);

const entityPath = (entity: Entity) =>
  `/catalog/${
    entity.metadata.namespace ?? 'default'
  }/${entity.kind.toLocaleLowerCase('en-US')}/${entity.metadata.name}`;

/** Stands in for the catalog's entity page, so every entity link of the views leads somewhere. */
export const DevEntityPage = () => {
  const { namespace, kind, name } = useParams();
  const ref = `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  const entity = [...entities, ...teams, notDelivered].find(
    e => stringifyEntityRef(e).toLocaleLowerCase('en-US') === ref,
  );
  if (!entity || !['component', 'domain', 'group'].includes(kind ?? '')) {
    return (
      <Content>
        <ContentHeader title={ref} />
        <Typography>The dev page has no catalog page for {ref}.</Typography>
      </Content>
    );
  }
  return (
    <EntityProvider entity={entity}>
      <Content>
        <ContentHeader title={entity.metadata.title ?? entity.metadata.name} />
        {kind === 'domain' && <EntityDomainDeliveryContent />}
        {kind === 'group' && <GroupDoraCard />}
        {kind === 'component' && (
          <Grid container spacing={3}>
            <Grid item xs={12} md={6}>
              <EntityDeliverySummaryCard />
            </Grid>
            <Grid item xs={12}>
              <EntityDoraCard />
            </Grid>
            <Grid item xs={12}>
              <EntityDeploymentsContent />
            </Grid>
          </Grid>
        )}
      </Content>
    </EntityProvider>
  );
};

/** The dev page's start: every view and scenario, one link each. */
export const DevHomePage = () => (
  <Content>
    <ContentHeader title="Delivery views, with an in-memory API" />
    <Typography paragraph>
      Scenario now: <strong>{scenarios[currentScenario()]}</strong>. Switch (the
      page reloads):{' '}
      {Object.entries(scenarios).map(([key, label]) => (
        <span key={key}>
          <a href={`/?scenario=${key}`}>{label}</a> ·{' '}
        </span>
      ))}
    </Typography>
    <Typography variant="h6" component="h2">
      Views
    </Typography>
    <ul>
      <li>
        <Link to="/delivery">Delivery overview</Link> (the page at /delivery)
      </li>
      <li>
        <Link to="/delivery/domains/default/smart-city">
          Domain page of Smart City
        </Link>
      </li>
      {entities.map(entity => (
        <li key={entity.metadata.name}>
          <Link to={entityPath(entity)}>
            {entity.kind} tab of {entity.metadata.title ?? entity.metadata.name}
          </Link>
        </li>
      ))}
      {teams.map(team => (
        <li key={team.metadata.name}>
          <Link to={entityPath(team)}>
            DORA card of the team {team.metadata.name}
          </Link>
        </li>
      ))}
      <li>
        <Link to={entityPath(notDelivered)}>
          A component without the delivery annotation
        </Link>
      </li>
    </ul>
    <DeliveryHowTo entity={notDelivered} />
  </Content>
);
