import { screen, within } from '@testing-library/react';
import { aDeployment, hoursAgo } from '../../../__testUtils__/builders';
import { renderView } from '../../../__testUtils__/renderView';
import { DeploymentTable } from './DeploymentTable';

const environments = [
  { name: 'dev', title: 'Development', production: false },
  { name: 'prod', title: 'Production', production: true },
];

describe('DeploymentTable', () => {
  it('shows one row per deployment with who, what, where and a link to the run', async () => {
    await renderView(
      <DeploymentTable
        caption="Newest deployments"
        environments={environments}
        showEntity
        deployments={[
          aDeployment({
            entityRef: 'component:default/notification-service',
            environment: 'prod',
            version: '3.1.0',
            status: 'failed',
            trigger: 'rollback',
            commitSha: 'fedcba9876543210',
            finishedAt: hoursAgo(5),
            url: 'https://argocd.example.com/applications/notification-service-prod',
          }),
          aDeployment({
            status: 'in_progress',
            finishedAt: undefined,
            startedAt: hoursAgo(0),
            actor: undefined,
          }),
        ]}
      />,
      { api: {} },
    );

    const table = screen.getByRole('table', { name: 'Newest deployments' });
    const [header, first, second] = within(table).getAllByRole('row');
    expect(header).toHaveTextContent(
      'WhenComponentEnvironmentVersionStatusTriggerByCommitRun',
    );
    expect(first).toHaveTextContent(
      '5 hours agonotification-serviceProduction3.1.0Failedrollbackpriya-nairfedcba9',
    );
    expect(
      within(first).getByRole('link', {
        name: /Open the run of 3.1.0 in prod/,
      }),
    ).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/notification-service-prod',
    );
    expect(second).toHaveTextContent('just now');
    expect(second).toHaveTextContent('In progress');
    expect(second).toHaveTextContent('unknown');
  });
});
