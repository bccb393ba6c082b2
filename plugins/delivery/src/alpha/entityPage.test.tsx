import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import deliveryPlugin from '../alpha';
import { deliveryApiRef } from '../api';
import {
  pluginTestApi,
  serviceWithDomain,
} from '../__testUtils__/pluginEntities';

// The catalog's whole entity page renders here; jsdom takes its time.
jest.setTimeout(30_000);

const { component: delivered, domain } = serviceWithDomain({
  service: 'payments-api',
  domain: 'business-enablement',
  domainTitle: 'Business Enablement',
});
const notDelivered: Entity = {
  ...delivered,
  metadata: { name: 'legacy-batch-job' },
};

/** Opens an entity's page in an app with the catalog and the delivery plugin; resolves to its tabs. */
async function openEntityPage(path: string) {
  renderTestApp({
    features: [catalogPlugin, deliveryPlugin],
    initialRouteEntries: [path],
    apis: [
      [deliveryApiRef, pluginTestApi()],
      [
        catalogApiRef,
        catalogApiMock({ entities: [delivered, notDelivered, domain] }),
      ],
    ],
  });
  const tabs = await screen.findByRole(
    'navigation',
    { name: 'Content navigation' },
    { timeout: 10_000 },
  );
  // The Overview tab's cards are in place once the About card is.
  await screen.findByRole('heading', { name: 'About' }, { timeout: 10_000 });
  return within(tabs);
}

describe('the delivery extensions on the catalog’s entity pages', () => {
  it('give a component with the delivery annotation a Deployments tab and the delivery cards', async () => {
    const tabs = await openEntityPage(
      '/catalog/default/component/payments-api',
    );

    expect(tabs.getByRole('link', { name: 'Deployments' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/deployments',
    );
    // The cards load their components on first use.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Delivery' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole(
        'heading',
        { name: 'DORA metrics' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it('leave a component without the annotation alone', async () => {
    const tabs = await openEntityPage(
      '/catalog/default/component/legacy-batch-job',
    );

    expect(tabs.getByRole('link', { name: 'Overview' })).toBeInTheDocument();
    expect(
      tabs.queryByRole('link', { name: 'Deployments' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Delivery' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'DORA metrics' }),
    ).not.toBeInTheDocument();
  });

  it('give a domain its Delivery tab and no Deployments tab', async () => {
    const tabs = await openEntityPage(
      '/catalog/default/domain/business-enablement',
    );

    expect(tabs.getByRole('link', { name: 'Delivery' })).toHaveAttribute(
      'href',
      '/catalog/default/domain/business-enablement/delivery',
    );
    expect(
      tabs.queryByRole('link', { name: 'Deployments' }),
    ).not.toBeInTheDocument();
  });
});
