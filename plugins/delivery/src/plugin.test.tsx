import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { deliveryApiRef } from './api';
import {
  DeliveryOverviewPage,
  deliveryPlugin,
  EntityDeliverySummaryCard,
  EntityDeploymentsContent,
  EntityDomainDeliveryContent,
  EntityDoraCard,
  GroupDoraCard,
} from './plugin';
import * as mainEntry from './index';
import { rootRouteRef } from './routes';
import { journeyCatalog } from './__testUtils__/journeyCatalog';
import {
  pluginTestApi,
  serviceWithDomain,
} from './__testUtils__/pluginEntities';

const { component, domain } = serviceWithDomain({
  service: 'timetable-service',
  domain: 'journey',
  domainTitle: 'Journey',
});

async function renderLegacy(element: ReactNode, path: string, entry: string) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [deliveryApiRef, pluginTestApi()],
        [
          catalogApiRef,
          catalogApiMock({ entities: [component, domain, ...journeyCatalog] }),
        ],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <Routes>
        <Route path={path} element={element} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [entry],
      mountedRoutes: {
        '/delivery': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

// The overview and domain pages render every card, the DORA chart and the
// deployment history: slow in jsdom on a busy machine.
jest.setTimeout(20_000);

describe('legacy frontend system exports', () => {
  it('identifies as the delivery plugin', () => {
    expect(deliveryPlugin.getId()).toBe('delivery');
  });

  it('exports what a legacy entity page needs from the main entry', () => {
    expect(Object.keys(mainEntry)).toEqual(
      expect.arrayContaining([
        'isDeliveryAvailable',
        'EntityDeploymentsContent',
        'EntityDeliverySummaryCard',
        'EntityDoraCard',
        'EntityDomainDeliveryContent',
        'GroupDoraCard',
        'DeliveryOverviewPage',
        'deliveryPlugin',
        'deliveryApiRef',
      ]),
    );
  });

  it('renders the Deployments tab', async () => {
    await renderLegacy(
      <EntityProvider entity={component}>
        <EntityDeploymentsContent />
      </EntityProvider>,
      '/deployments',
      '/deployments',
    );

    expect(
      await screen.findByText('Promoted from staging, 1 approval required'),
    ).toBeInTheDocument();
  });

  it('shows only the environments the Deployments tab is given', async () => {
    await renderLegacy(
      <EntityProvider entity={component}>
        <EntityDeploymentsContent environments={['prod']} />
      </EntityProvider>,
      '/deployments',
      '/deployments',
    );

    expect(
      await screen.findByRole('heading', { name: 'Production' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Staging' }),
    ).not.toBeInTheDocument();
  });

  it('renders the Domain page’s Delivery tab', async () => {
    await renderLegacy(
      <EntityProvider entity={domain}>
        <EntityDomainDeliveryContent />
      </EntityProvider>,
      '/delivery-tab',
      '/delivery-tab',
    );

    expect(
      await screen.findByRole('heading', { name: 'Versions by environment' }),
    ).toBeInTheDocument();
  });

  it('renders the summary card', async () => {
    await renderLegacy(
      <EntityProvider entity={component}>
        <EntityDeliverySummaryCard />
      </EntityProvider>,
      '/',
      '/',
    );

    expect(
      await screen.findByRole('list', {
        name: 'Versions along the promotion chain',
      }),
    ).toBeInTheDocument();
  });

  it('renders the DORA card of a component', async () => {
    await renderLegacy(
      <EntityProvider entity={component}>
        <EntityDoraCard />
      </EntityProvider>,
      '/',
      '/',
    );

    expect(
      await screen.findByRole('heading', { name: 'DORA metrics' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('DORA metrics', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('opens the DORA card on the window it is given', async () => {
    await renderLegacy(
      <EntityProvider entity={component}>
        <EntityDoraCard windowDays={90} />
      </EntityProvider>,
      '/',
      '/',
    );

    expect(
      await screen.findByRole('button', { name: 'Last 90 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('renders the DORA card of a team', async () => {
    await renderLegacy(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team-journey' },
          spec: { type: 'team', children: [] },
        }}
      >
        <GroupDoraCard />
      </EntityProvider>,
      '/',
      '/',
    );

    expect(
      await screen.findByRole('heading', { name: 'DORA metrics of the team' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('DORA metrics', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('renders the overview page and a domain’s page below it', async () => {
    await renderLegacy(
      <DeliveryOverviewPage />,
      '/delivery/*',
      '/delivery/domains/default/journey',
    );

    // The catalog's presentation API would show the domain's title; the test app shows its name.
    expect(
      await screen.findByRole('heading', { name: 'journey' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Versions by environment' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All domains' })).toHaveAttribute(
      'href',
      '/delivery',
    );
  });
});
