import { screen, within } from '@testing-library/react';
import { aDeployment, hoursAgo } from '../../../__testUtils__/builders';
import { renderView } from '../../../__testUtils__/renderView';
import { DeploymentTable } from '../DeploymentTable';
import { EnvironmentCard } from '../EnvironmentCard';
import { VerificationStatus } from './VerificationStatus';

const environments = [
  { name: 'staging', title: 'Staging', production: false },
  { name: 'prod', title: 'Production', production: true },
];

describe('VerificationStatus', () => {
  it('shows nothing for a deployment into an environment that verifies nothing', async () => {
    const { container } = await renderView(<VerificationStatus />, {
      api: {},
    });
    expect(container).toHaveTextContent('');
  });

  it('shows on the environment card that a check is running and how far it got', async () => {
    await renderView(
      <EnvironmentCard
        status={{
          environment: environments[0],
          current: {
            version: '2.3.0',
            since: hoursAgo(0.1),
            deployment: aDeployment({
              environment: 'staging',
              version: '2.3.0',
              finishedAt: hoursAgo(0.1),
              verification: {
                state: 'running',
                startedAt: hoursAgo(0.1),
                checks: [
                  {
                    kind: 'http',
                    state: 'passed',
                    target: 'https://payments-api.staging.example.com/version',
                    progress: '3 of 3 answers in a row',
                  },
                  {
                    kind: 'prometheus',
                    state: 'running',
                    target: 'sum(rate(errors[5m]))',
                    reason: 'must hold for 4 min more',
                  },
                ],
              },
            }),
          },
        }}
      />,
      { api: {} },
    );

    expect(screen.getByText('Verifying')).toBeInTheDocument();
    const checks = screen.getByRole('list', { name: 'Verification checks' });
    expect(
      within(checks)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'HTTP passed (3 of 3 answers in a row) https://payments-api.staging.example.com/version',
      'Prometheus checking (must hold for 4 min more) sum(rate(errors[5m]))',
    ]);
  });

  it('shows in the history why a verification failed and that it was rolled back', async () => {
    await renderView(
      <DeploymentTable
        caption="Deployments"
        environments={environments}
        deployments={[
          aDeployment({
            environment: 'prod',
            version: '2.4.0',
            verification: {
              state: 'failed',
              reason:
                'http check: https://payments-api.example.com answered 503',
              startedAt: hoursAgo(1),
              finishedAt: hoursAgo(0.9),
              rollbackPromotionId: 'p-1',
              checks: [],
            },
          }),
          aDeployment({
            environment: 'staging',
            version: '2.4.0',
            verification: {
              state: 'passed',
              startedAt: hoursAgo(2),
              checks: [],
            },
          }),
        ]}
      />,
      { api: {} },
    );

    const [, failed, passed] = screen.getAllByRole('row');
    expect(within(failed).getByText('Verification failed')).toBeInTheDocument();
    expect(
      within(failed).getByText(
        'http check: https://payments-api.example.com answered 503; an automatic rollback was requested',
      ),
    ).toBeInTheDocument();
    expect(within(passed).getByText('Verified')).toBeInTheDocument();
  });
});
