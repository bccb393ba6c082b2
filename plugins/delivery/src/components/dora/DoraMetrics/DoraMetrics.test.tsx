import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DORA_METRIC_EXPLANATIONS,
  DoraSummary,
  doraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraMetrics } from './DoraMetrics';

const HOUR = 3600;

const summary: DoraSummary = {
  deployments: 12,
  deploymentFrequencyPerDay: 12 / 30,
  leadTimeMedianSeconds: 30 * HOUR,
  leadTimeP90Seconds: 4 * 24 * HOUR,
  leadTimeCommits: 40,
  failedDeployments: 3,
  changeFailureRate: 3 / 12,
  recoveryMedianSeconds: 45 * 60,
  openFailures: 1,
  reworkRate: 2 / 12,
};

const tile = (name: string) => screen.getByRole('listitem', { name });

// Rendering MUI tooltips in jsdom is slow on a busy machine.
jest.setTimeout(20_000);

describe('DoraMetrics', () => {
  it('shows the five metrics, each with its value and tier', async () => {
    await renderInTestApp(
      <DoraMetrics summary={summary} tiers={doraTiers(summary)} />,
    );

    expect(
      within(screen.getByRole('list', { name: 'DORA metrics' })).getAllByRole(
        'listitem',
      ),
    ).toHaveLength(5);
    const frequency = tile('Deployment frequency');
    expect(frequency).toHaveTextContent('2.8 a week');
    expect(frequency).toHaveTextContent('12 deployments to production');
    expect(within(frequency).getByText('High')).toBeInTheDocument();

    const leadTime = tile('Lead time for changes');
    expect(leadTime).toHaveTextContent('1 d 6 h');
    expect(leadTime).toHaveTextContent(
      'Median of 40 commits; 90th percentile 4 d',
    );
    expect(within(leadTime).getByText('High')).toBeInTheDocument();

    const failureRate = tile('Change failure rate');
    expect(failureRate).toHaveTextContent('25%');
    expect(failureRate).toHaveTextContent('3 of 12 deployments failed');
    expect(within(failureRate).getByText('Low')).toBeInTheDocument();

    const recovery = tile('Failed deployment recovery time');
    expect(recovery).toHaveTextContent('45 min');
    expect(recovery).toHaveTextContent(
      'Median of 2 recovered failures; 1 failure not recovered yet',
    );
    expect(within(recovery).getByText('Elite')).toBeInTheDocument();

    const rework = tile('Deployment rework rate');
    expect(rework).toHaveTextContent('16.7%');
    expect(rework).toHaveTextContent('2 rollbacks or hotfixes');
    expect(rework).toHaveTextContent('DORA publishes no tiers for it');
  });

  it('shows no data, not zero, where there is nothing to take a median of', async () => {
    const quiet: DoraSummary = {
      ...summary,
      deployments: 1,
      deploymentFrequencyPerDay: 1 / 30,
      leadTimeMedianSeconds: null,
      leadTimeP90Seconds: null,
      leadTimeCommits: 0,
      failedDeployments: 0,
      changeFailureRate: 0,
      recoveryMedianSeconds: null,
      openFailures: 0,
      reworkRate: 0,
    };
    await renderInTestApp(
      <DoraMetrics summary={quiet} tiers={doraTiers(quiet)} />,
    );

    const leadTime = tile('Lead time for changes');
    expect(within(leadTime).getByText('no data')).toBeInTheDocument();
    expect(leadTime).toHaveTextContent(
      'No commit reached production in this period',
    );
    expect(within(leadTime).getByText('Not rated')).toBeInTheDocument();
    expect(leadTime).not.toHaveTextContent(/\b0\b/);

    const recovery = tile('Failed deployment recovery time');
    expect(within(recovery).getByText('no data')).toBeInTheDocument();
    expect(recovery).toHaveTextContent('No failed deployment to recover from');
    expect(within(recovery).getByText('Not rated')).toBeInTheDocument();

    // A rate with deployments to divide by is a real 0 %.
    expect(tile('Change failure rate')).toHaveTextContent('0%');
    expect(
      within(tile('Change failure rate')).getByText('Elite'),
    ).toBeInTheDocument();
  });

  it('explains a metric in plain words when the pointer rests on its name', async () => {
    await renderInTestApp(
      <DoraMetrics summary={summary} tiers={doraTiers(summary)} />,
    );

    await userEvent.hover(screen.getByText('Lead time for changes'));

    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      DORA_METRIC_EXPLANATIONS.leadTime.description,
    );
    expect(tooltip).toHaveTextContent(
      'Elite: under a day. High: under a week.',
    );
  });

  it('explains a metric to keyboard users when its name gets focus', async () => {
    await renderInTestApp(
      <DoraMetrics summary={summary} tiers={doraTiers(summary)} />,
    );

    await userEvent.tab();
    expect(
      screen.getByRole('button', { name: 'Deployment frequency' }),
    ).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      DORA_METRIC_EXPLANATIONS.deploymentFrequency.description,
    );

    await userEvent.tab();
    await userEvent.tab();
    expect(
      screen.getByRole('button', { name: 'Change failure rate' }),
    ).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByRole('tooltip')).toHaveTextContent(
        DORA_METRIC_EXPLANATIONS.changeFailureRate.description,
      ),
    );

    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument(),
    );
  });
});
