import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { deliveryApiRef } from '../api';
import {
  pluginTestApi,
  serviceWithDomain,
} from '../__testUtils__/pluginEntities';
import {
  entityDeliverySummaryCard,
  entityDoraCard,
  groupDoraCard,
} from './entityCards';
import { entityDeploymentsContent } from './entityContents';

// Whole pages render here, first with their lazily loaded parts: on a busy
// two-core machine that took longer than Jest's default 5 s.
jest.setTimeout(20_000);

const { component } = serviceWithDomain({
  service: 'payments-api',
  domain: 'business-enablement',
  domainTitle: 'Business Enablement',
});
const team = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-business-enablement' },
  spec: { type: 'team', children: [] },
};
const apis = [[deliveryApiRef, pluginTestApi()]] as const;
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderFor(
  entity: typeof component,
  tester: { get: (ref: typeof coreExtensionData.reactElement) => JSX.Element },
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      {tester.get(coreExtensionData.reactElement)}
    </EntityProvider>,
    { apis, mountedRoutes },
  );
}

describe('what an app configures on the delivery extensions', () => {
  it('names and places the Deployments tab and shows only the environments chosen', async () => {
    const tester = createExtensionTester(entityDeploymentsContent, {
      config: {
        title: 'Rollouts',
        path: 'rollouts',
        environments: ['staging', 'prod'],
      },
    });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Rollouts');
    expect(tester.get(coreExtensionData.routePath)).toBe('rollouts');

    renderFor(component, tester);

    expect(
      await screen.findByRole('heading', { name: 'Production' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Staging' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Development' }),
    ).not.toBeInTheDocument();
    // Staging still offers what came from the hidden dev environment.
    expect(screen.getByText('Promoted from dev')).toBeInTheDocument();
  });

  it('says so when none of the chosen environments applies to the component', async () => {
    const tester = createExtensionTester(entityDeploymentsContent, {
      config: { environments: ['qa'] },
    });

    renderFor(component, tester);

    expect(
      await screen.findByText(
        'This tab shows only qa, and none of them applies to this component (it is delivered to dev, staging, prod).',
      ),
    ).toBeInTheDocument();
  });

  it('shows only the chosen environments on the summary card', async () => {
    const tester = createExtensionTester(entityDeliverySummaryCard, {
      config: { environments: ['dev', 'prod'] },
    });

    renderFor(component, tester);

    const chain = await screen.findByRole('list', {
      name: 'Versions along the promotion chain',
    });
    expect(chain).toHaveTextContent('Development 1.4.3');
    expect(chain).toHaveTextContent('Production 1.4.1');
    expect(chain).not.toHaveTextContent('Staging');
  });

  it('opens the component’s DORA card on the configured window', async () => {
    const tester = createExtensionTester(entityDoraCard, {
      config: { windowDays: 90 },
    });

    renderFor(component, tester);

    expect(
      await screen.findByRole('button', { name: 'Last 90 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/^Last 90 days: /)).toBeInTheDocument();
  });

  it('opens the team’s DORA card on the configured window', async () => {
    const tester = createExtensionTester(groupDoraCard, {
      config: { windowDays: 90 },
    });

    renderFor(team, tester);

    expect(
      await screen.findByRole('button', { name: 'Last 90 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens on 30 days when the app sets no window', async () => {
    renderFor(component, createExtensionTester(entityDoraCard));

    expect(
      await screen.findByRole('button', { name: 'Last 30 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('refuses a window the card does not offer', () => {
    const tester = createExtensionTester(entityDoraCard, {
      config: { windowDays: 7 as 30 },
    });
    expect(() => tester.get(coreExtensionData.reactElement)).toThrow(
      /windowDays/,
    );
  });
});
