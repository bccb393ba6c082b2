import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import deliveryPlugin, {
  deliveryPage,
  entityDeliverySummaryCard,
  entityDeploymentsContent,
  entityDomainDeliveryContent,
  entityDoraCard,
  groupDoraCard,
} from './alpha';
import { deliveryApiRef } from './api';
import { journeyCatalog } from './__testUtils__/journeyCatalog';
import {
  pluginTestApi,
  serviceWithDomain,
} from './__testUtils__/pluginEntities';

const { component, domain } = serviceWithDomain({
  service: 'bike-share-service',
  domain: 'smart-city',
  domainTitle: 'Smart City',
});

const withoutAnnotation: Entity = {
  ...component,
  metadata: { name: 'legacy-batch-job' },
};
const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-smart-city' },
  spec: { type: 'team', children: [] },
};

const apis = [[deliveryApiRef, pluginTestApi()]] as const;
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('new frontend system exports', () => {
  it('is the delivery plugin', () => {
    expect(deliveryPlugin.id).toBe('delivery');
  });

  it('adds a Deployments tab to component pages with a card per environment', async () => {
    const tester = createExtensionTester(entityDeploymentsContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('deployments');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Deployments',
    );
    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(appliesTo(component)).toBe(true);
    expect(appliesTo(withoutAnnotation)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.get(coreExtensionData.reactElement)}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByText('Promoted from staging, 1 approval required'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Production' }),
    ).toBeInTheDocument();
  });

  it('adds a Delivery tab to domain pages with the component × environment matrix', async () => {
    const tester = createExtensionTester(entityDomainDeliveryContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('delivery');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Delivery');
    const appliesTo = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(appliesTo(domain)).toBe(true);
    expect(appliesTo(component)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={domain}>
        {tester.get(coreExtensionData.reactElement)}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByRole('table', {
        name: 'The version each component of smart-city runs in each environment',
      }),
    ).toBeInTheDocument();
  });

  it('adds a summary card to component overviews', async () => {
    const tester = createExtensionTester(entityDeliverySummaryCard);
    const appliesTo = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(appliesTo(component)).toBe(true);
    expect(appliesTo(withoutAnnotation)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.get(coreExtensionData.reactElement)}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByRole('list', {
        name: 'Versions along the promotion chain',
      }),
    ).toBeInTheDocument();
  });

  it('adds a DORA card to component overviews', async () => {
    const tester = createExtensionTester(entityDoraCard);
    const appliesTo = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(appliesTo(component)).toBe(true);
    expect(appliesTo(withoutAnnotation)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.get(coreExtensionData.reactElement)}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByRole('heading', { name: 'DORA metrics' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('DORA metrics', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('adds the team’s DORA card to group pages', async () => {
    const tester = createExtensionTester(groupDoraCard);
    const appliesTo = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(appliesTo(team)).toBe(true);
    expect(appliesTo(component)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={team}>
        {tester.get(coreExtensionData.reactElement)}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByRole('heading', { name: 'DORA metrics of the team' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('DORA metrics', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('adds the Delivery page at /delivery with every domain', async () => {
    const tester = createExtensionTester(deliveryPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/delivery');
    expect(tester.get(coreExtensionData.title)).toBe('Delivery');

    renderTestApp({
      extensions: [deliveryPage],
      initialRouteEntries: ['/delivery'],
      mountedRoutes,
      apis: [
        ...apis,
        [
          catalogApiRef,
          catalogApiMock({ entities: [component, domain, ...journeyCatalog] }),
        ],
      ],
    });

    expect(await screen.findByText('Delivery overview')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Smart City' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Business Enablement' }),
    ).toBeInTheDocument();
  });
});
