import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeliveryApi, deliveryApiRef } from '../../../api';
import {
  permissionsDecided,
  permissionsDenying,
} from '../../../__testUtils__/permissions';
import {
  aDeployment,
  anEnvironment,
  anEnvironmentStatus,
  hoursAgo,
  threeEnvironments,
} from '../../../__testUtils__/builders';
import {
  nothingDeployed,
  paymentsDeliveryApi,
} from '../../../__testUtils__/paymentsFixture';
import { EntityDeploymentsContent } from './EntityDeploymentsContent';

// Dialogs that are typed into take seconds in jsdom on a busy machine.
jest.setTimeout(20_000);

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations },
  spec: {
    type: 'service',
    owner: 'team-business-enablement',
    lifecycle: 'production',
  },
});
const delivered = component({ 'domain-delivery.io/service': 'payments-api' });

async function renderTab(
  entity: Entity,
  api: Partial<DeliveryApi>,
  permissionApi = mockApis.permission(),
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [deliveryApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityDeploymentsContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityDeploymentsContent', () => {
  it('shows one card per environment in promotion order with what runs there', async () => {
    await renderTab(delivered, paymentsDeliveryApi());

    const headings = (await screen.findAllByRole('heading')).map(
      h => h.textContent,
    );
    expect(
      headings.filter(h => /^(Development|Staging|Production)$/.test(h ?? '')),
    ).toEqual(['Development', 'Staging', 'Production']);
    expect(
      screen.getByText('Promoted from staging, 1 approval required'),
    ).toBeInTheDocument();
    expect(screen.getByText('Promoted from dev')).toBeInTheDocument();
    expect(
      screen.getByText('Deployed directly by the pipeline'),
    ).toBeInTheDocument();

    const chain = screen.getByRole('list', {
      name: 'Versions along the promotion chain',
    });
    expect(chain).toHaveTextContent('Development 1.4.3');
    expect(chain).toHaveTextContent('in syncStaging 1.4.3');
    expect(chain).toHaveTextContent('1 version behindProduction 1.4.1');

    expect(
      screen.getByText('Production is 1 version behind: 1.4.3'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /View the run that deployed 1.4.3 to staging/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/demo/payments-api/actions/runs/7',
    );
    // Who promoted it, in the staging card and in the history.
    expect(screen.getAllByRole('link', { name: 'marco-rossi' })).toHaveLength(
      2,
    );
    expect(
      screen.getByText('Soaked long enough for Production (minimum 1 h)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Staging runs the same version'),
    ).toBeInTheDocument();
  });

  it('lists the commits the next environment is missing on request', async () => {
    await renderTab(delivered, paymentsDeliveryApi());

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show 1 commit waiting for Production',
      }),
    );

    expect(
      screen.getByRole('list', { name: 'Commits waiting for Production' }),
    ).toHaveTextContent('c3c3c3c');
  });

  it('shows the history newest first, filterable by environment and outcome', async () => {
    await renderTab(delivered, paymentsDeliveryApi());

    const table = await screen.findByRole('table', {
      name: 'Deployment history',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toHaveTextContent('Staging1.4.3Succeeded');

    await userEvent.selectOptions(screen.getByLabelText('Environment'), 'prod');
    await waitFor(() =>
      expect(
        within(screen.getByRole('table')).getAllByRole('row'),
      ).toHaveLength(3),
    );

    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'failed');
    await waitFor(() =>
      expect(
        within(screen.getByRole('table')).getAllByRole('row'),
      ).toHaveLength(2),
    );
    expect(screen.getByRole('table')).toHaveTextContent(
      'Production1.4.2Failed',
    );
  });

  it('pages through a long history with Older and Newer', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      aDeployment({ version: `2.0.${i}`, finishedAt: hoursAgo(i + 1) }),
    );
    await renderTab(delivered, paymentsDeliveryApi({ deployments: many }));

    await screen.findByRole('table', { name: 'Deployment history' });
    expect(screen.getByText('2.0.0', { selector: 'td' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Older' }));

    expect(await screen.findByText('Page 2')).toBeInTheDocument();
    expect(
      await screen.findByText('2.0.24', { selector: 'td' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('2.0.0', { selector: 'td' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(
      await screen.findByText('2.0.0', { selector: 'td' }),
    ).toBeInTheDocument();
  });

  it('explains how to report deployments when none arrived yet', async () => {
    await renderTab(
      delivered,
      paymentsDeliveryApi({ environments: nothingDeployed(), deployments: [] }),
    );

    for (const environment of ['dev', 'staging', 'prod']) {
      expect(
        await screen.findByText(
          `No deployment reported to ${environment} yet.`,
        ),
      ).toBeInTheDocument();
    }
    expect(screen.getByText('No deployment reported yet')).toBeInTheDocument();
    expect(
      await screen.findByText('No deployments reported yet.'),
    ).toBeInTheDocument();
  });

  it('shows only the environments the backend answers for the component', async () => {
    const all = nothingDeployed();
    await renderTab(
      delivered,
      paymentsDeliveryApi({
        environments: {
          ...all,
          items: all.items.filter(i => i.environment.name !== 'staging'),
        },
        deployments: [],
      }),
    );

    expect(
      await screen.findByText('No deployment reported to prod yet.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No deployment reported to staging yet.'),
    ).not.toBeInTheDocument();
  });

  it('explains how to connect a component without the delivery annotation', async () => {
    const getEntityEnvironments = jest.fn();
    await renderTab(component({}), { getEntityEnvironments });

    expect(
      screen.getByText('Delivery is not set up for this component'),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'domain-delivery.io/service: payments-api',
    );
    expect(getEntityEnvironments).not.toHaveBeenCalled();
  });

  it('shows two production regions as production, each promoted from its own source', async () => {
    const [dev, staging] = threeEnvironments;
    const region = (name: string, title: string) =>
      anEnvironment(name, title, {
        promotedFrom: 'staging',
        requiredApprovals: 1,
        production: true,
      });
    const eu = region('prod-eu', 'Europe');
    const us = region('prod-us', 'United States');
    const deployed = (environment: string, version: string) =>
      aDeployment({ environment, version, finishedAt: hoursAgo(2) });
    await renderTab(delivered, {
      ...paymentsDeliveryApi(),
      getEnvironments: async () => [dev, staging, eu, us],
      getEntityEnvironments: async () => ({
        entityRef: 'component:default/payments-api',
        items: [
          anEnvironmentStatus(dev, deployed('dev', '1.4.3')),
          anEnvironmentStatus(staging, deployed('staging', '1.4.3')),
          anEnvironmentStatus(eu, deployed('prod-eu', '1.4.1')),
          anEnvironmentStatus(us, deployed('prod-us', '1.4.3')),
        ],
      }),
    });

    for (const title of ['Europe', 'United States']) {
      const card = (
        await screen.findByRole('heading', { name: title })
      ).closest('article, section, [class*="MuiCard-root"]') as HTMLElement;
      expect(within(card).getByText('production')).toBeInTheDocument();
      expect(
        within(card).getByText('Promoted from staging, 1 approval required'),
      ).toBeInTheDocument();
      expect(
        within(card).getByRole('button', { name: `Promote to ${title}` }),
      ).toBeInTheDocument();
      expect(
        within(card).getByRole('button', { name: `Roll back ${title}` }),
      ).toBeInTheDocument();
    }
  });

  it('promotes to Production from its card, which then shows it waiting for approval', async () => {
    await renderTab(delivered, paymentsDeliveryApi());

    const promote = await screen.findByRole('button', {
      name: 'Promote to Production',
    });
    await waitFor(() => expect(promote).toBeEnabled());
    // Staging already runs what dev runs: nothing to promote there.
    expect(
      screen.getByRole('button', { name: 'Promote to Staging' }),
    ).toBeDisabled();
    expect(
      screen.getByText('1.4.3 already runs in staging.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Roll back Production' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: /^Roll back (Staging|Development)$/,
      }),
    ).not.toBeInTheDocument();

    await userEvent.click(promote);
    const dialog = await screen.findByRole('dialog', {
      name: /Promote 1\.4\.3/,
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      'Faster refunds',
    );
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Request promotion' }),
    );

    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(
      await screen.findByText(
        'Waiting for approval: 1.4.3 needs 1 more approval from group:default/platform-admins',
      ),
    ).toBeInTheDocument();
    // The open promotion now holds further promotions into Production back.
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Promote to Production' }),
      ).toBeDisabled(),
    );
    expect(
      screen.getByText(/is still pending_approval; cancel it or wait/),
    ).toBeInTheDocument();
  });

  it('offers neither promotion nor rollback to whoever may do neither', async () => {
    const permissionApi = permissionsDenying(
      'delivery.promotion.create',
      'delivery.rollback.create',
    );
    const authorize = jest.spyOn(permissionApi, 'authorize');
    // An entity of its own: usePermission caches decisions for the whole file.
    const other = component({ 'domain-delivery.io/service': 'billing-api' });
    other.metadata.name = 'billing-api';
    await renderTab(
      other,
      paymentsDeliveryApi({ entityRef: 'component:default/billing-api' }),
      permissionApi,
    );

    expect(
      await screen.findByText('Promoted from staging, 1 approval required'),
    ).toBeInTheDocument();
    await permissionsDecided(
      authorize,
      'delivery.promotion.create',
      'delivery.rollback.create',
    );
    expect(screen.queryAllByRole('button', { name: /^Promote to / })).toEqual(
      [],
    );
    expect(
      screen.queryByRole('button', { name: 'Roll back Production' }),
    ).not.toBeInTheDocument();
  });

  it('says what went wrong when the backend cannot be reached', async () => {
    await renderTab(delivered, {
      getEnvironments: async () => threeEnvironments,
      getEntityEnvironments: async () => {
        throw new Error('delivery backend unavailable');
      },
      listPromotions: async () => [],
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load where payments-api runs');
    expect(alert).toHaveTextContent('delivery backend unavailable');
  });
});
