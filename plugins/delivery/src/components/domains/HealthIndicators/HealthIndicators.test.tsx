import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { HealthIndicators } from './HealthIndicators';

describe('HealthIndicators', () => {
  it('shows dashes that say what will appear until the backend answers with the indicators', async () => {
    await renderInTestApp(<HealthIndicators values={{}} />);

    expect(
      screen.getByLabelText(
        /^Not available yet. The number of open incidents appears here/,
      ),
    ).toHaveTextContent('—');
    expect(
      screen.getByLabelText(
        /^Not available yet. The number of promotions waiting for approval/,
      ),
    ).toHaveTextContent('—');
    expect(
      screen.getByLabelText(/^Not available yet. The DORA tiers/),
    ).toHaveTextContent('—');
    expect(
      screen.getByLabelText(/^Not available yet. The CI success rate/),
    ).toHaveTextContent('—');
  });

  it('shows the indicators once the backend answers with them', async () => {
    await renderInTestApp(
      <HealthIndicators
        values={{
          openIncidents: 2,
          pendingApprovals: 0,
          doraTiers: {
            deploymentFrequency: 'elite',
            leadTime: 'high',
            changeFailureRate: 'medium',
            recovery: null,
          },
          pipelines: {
            from: '2026-11-06T00:00:00.000Z',
            to: '2026-12-06T00:00:00.000Z',
            completedRuns: 25,
            succeededRuns: 23,
            successRate: 0.92,
            medianDurationSeconds: 390,
            suites: [],
            failingWorkflows: [
              {
                entityRef: 'component:default/parking-api',
                workflow: 'ci',
                run: {
                  id: 'r1',
                  entityRef: 'component:default/parking-api',
                  workflow: 'ci',
                  runAttempt: 1,
                  startedAt: '2026-12-05T10:00:00.000Z',
                },
              },
            ],
            failingTests: [],
            flakyTests: [],
          },
        }}
      />,
    );

    expect(screen.getByText('2')).toBeInTheDocument();
    expect(screen.getByText('0')).toBeInTheDocument();
    expect(screen.getByText('Deployment frequency: elite')).toBeInTheDocument();
    expect(screen.getByText('Recovery: not rated')).toBeInTheDocument();
    expect(
      screen.getByText(
        '92% of 25 runs succeeded · median 6 min · 1 workflow failing',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('—')).not.toBeInTheDocument();
  });
});
