import { screen, within } from '@testing-library/react';
import {
  aDeployment,
  aPage,
  hoursAgo,
  summaryOf,
  threeEnvironments,
} from '../../../__testUtils__/builders';
import { stubDeliveryApi } from '../../../__testUtils__/deliveryApiStub';
import { renderView } from '../../../__testUtils__/renderView';
import { DeploymentHistory } from './DeploymentHistory';

const environments = threeEnvironments.map(summaryOf);
const timetableDev = aDeployment({
  entityRef: 'component:default/timetable-service',
  version: '1.0.0',
  finishedAt: hoursAgo(1),
});
const plannerDev = aDeployment({
  entityRef: 'component:default/journey-planner-service',
  version: '3.0.0',
  finishedAt: hoursAgo(3),
});
const timetableProd = aDeployment({
  entityRef: 'component:default/timetable-service',
  environment: 'prod',
  version: '0.9.0',
  finishedAt: hoursAgo(4),
});

/** The backend's pages: both components' deployments, prod's, and none in staging. */
const api = stubDeliveryApi({
  getDeployments: async (query = {}) => {
    if (query.environment === 'prod') return aPage([timetableProd]);
    if (query.environment === 'staging') return aPage([]);
    return aPage([timetableDev, plannerDev, timetableProd]);
  },
});

describe('DeploymentHistory', () => {
  it('merges the histories of several components, newest first', async () => {
    await renderView(
      <DeploymentHistory
        title="Recent deployments"
        entityRefs={[
          'component:default/timetable-service',
          'component:default/journey-planner-service',
        ]}
        environments={environments}
        showEntity
      />,
      { api },
    );

    const table = await screen.findByRole('table', {
      name: 'Recent deployments',
    });
    const versions = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[3].textContent);
    expect(versions).toEqual(['1.0.0', '3.0.0', '0.9.0']);
    expect(screen.getByLabelText('Environment')).toBeInTheDocument();
  });

  it('follows an environment chosen by the page and hides its own choice', async () => {
    await renderView(
      <DeploymentHistory
        title="Newest deployments"
        environments={environments}
        environment="prod"
      />,
      { api },
    );

    const table = await screen.findByRole('table', {
      name: 'Newest deployments',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByLabelText('Environment')).not.toBeInTheDocument();
  });

  it('says it is loading, and what went wrong when it fails', async () => {
    let fail: (error: Error) => void = () => {};
    await renderView(<DeploymentHistory environments={environments} />, {
      api: {
        getDeployments: () =>
          new Promise((_, reject) => {
            fail = reject;
          }),
      },
    });

    expect(screen.getByRole('status')).toHaveTextContent(
      'Loading the deployment history…',
    );
    fail(new Error('The delivery backend is not reachable'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the deployment history');
    expect(alert).toHaveTextContent('The delivery backend is not reachable');
  });

  it('says when no deployment matches the filters', async () => {
    await renderView(
      <DeploymentHistory environments={environments} environment="staging" />,
      { api },
    );

    expect(
      await screen.findByText('No deployment matches these filters.'),
    ).toBeInTheDocument();
  });
});
