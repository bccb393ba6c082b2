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
        }}
      />,
    );

    expect(screen.getByText('2')).toBeInTheDocument();
    expect(screen.getByText('0')).toBeInTheDocument();
    expect(screen.getByText('Deployment frequency: elite')).toBeInTheDocument();
    expect(screen.getByText('Recovery: not rated')).toBeInTheDocument();
    expect(screen.queryByText('—')).not.toBeInTheDocument();
  });
});
