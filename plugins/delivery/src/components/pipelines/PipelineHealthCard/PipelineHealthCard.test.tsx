import { PipelineHealth } from '@domain-delivery/backstage-plugin-delivery-common';
import { screen, within } from '@testing-library/react';
import { stubDeliveryApi } from '../../../__testUtils__/deliveryApiStub';
import { renderView } from '../../../__testUtils__/renderView';
import { PipelineHealthCard } from './PipelineHealthCard';

const PARKING = 'component:default/parking-api';
const RUNS = 'https://github.com/acme/parking-api/actions/runs';

const run = (id: string, attempt = 1) => ({
  id: `github-workflow-run-${id}-attempt-${attempt}`,
  entityRef: PARKING,
  workflow: 'parking-api (smart-city)',
  runAttempt: attempt,
  startedAt: '2026-12-05T10:00:00.000Z',
  conclusion: 'failure' as const,
  url: attempt > 1 ? `${RUNS}/${id}/attempts/${attempt}` : `${RUNS}/${id}`,
});

const health: PipelineHealth = {
  from: '2026-11-06T00:00:00.000Z',
  to: '2026-12-06T00:00:00.000Z',
  completedRuns: 4,
  succeededRuns: 3,
  successRate: 0.75,
  medianDurationSeconds: 420,
  suites: [
    { suite: 'contract', passed: 16, failed: 0, skipped: 0 },
    { suite: 'unit', passed: 38, failed: 2, skipped: 4 },
  ],
  failingWorkflows: [
    {
      entityRef: PARKING,
      workflow: 'parking-api (smart-city)',
      branch: 'main',
      run: run('41'),
    },
  ],
  failingTests: [
    {
      entityRef: PARKING,
      workflow: 'parking-api (smart-city)',
      suite: 'unit',
      name: 'tariff › rounds up',
      failures: 2,
      run: run('41'),
    },
  ],
  flakyTests: [
    {
      entityRef: PARKING,
      workflow: 'parking-api (smart-city)',
      suite: 'unit',
      name: 'clock › ticks',
      failedRun: run('40'),
      passedRun: { ...run('40', 2), conclusion: 'success' },
    },
  ],
};

describe('PipelineHealthCard', () => {
  it("shows a domain's success rate, median duration and suites, and links failing workflows and tests to their runs", async () => {
    const api = stubDeliveryApi({ getPipelineHealth: async () => health });
    await renderView(
      <PipelineHealthCard
        entityRef="domain:default/smart-city"
        scope="the components of smart-city"
      />,
      { api },
    );

    expect(
      await screen.findByText(
        '75% of 4 runs succeeded · median 7 min · 1 workflow failing',
      ),
    ).toBeInTheDocument();
    expect(api.getPipelineHealth).toHaveBeenCalledWith(
      'domain:default/smart-city',
    );
    expect(
      screen.getByText('unit: 95% passed, 2 failed, 4 skipped'),
    ).toBeInTheDocument();

    const failing = screen.getByRole('region', {
      name: 'Workflows failing now',
    });
    expect(
      within(failing).getByRole('link', {
        name: /^parking-api: parking-api \(smart-city\)/,
      }),
    ).toHaveAttribute('href', `${RUNS}/41`);

    const tests = screen.getByRole('region', { name: 'Failing tests' });
    expect(within(tests).getByText('tariff › rounds up')).toBeInTheDocument();
    expect(within(tests).getByText(/failed in 2 runs/)).toBeInTheDocument();

    const flaky = screen.getByRole('region', { name: 'Flaky tests' });
    expect(within(flaky).getByText('clock › ticks')).toBeInTheDocument();
    expect(
      within(flaky).getByRole('link', { name: /^failed/ }),
    ).toHaveAttribute('href', `${RUNS}/40`);
    expect(
      within(flaky).getByRole('link', { name: /^passed \(attempt 2\)/ }),
    ).toHaveAttribute('href', `${RUNS}/40/attempts/2`);
  });

  it('says so when nothing fails and no run has completed', async () => {
    await renderView(<PipelineHealthCard scope="the portal" />, {
      api: stubDeliveryApi({
        getPipelineHealth: async () => ({
          ...health,
          completedRuns: 0,
          succeededRuns: 0,
          successRate: null,
          medianDurationSeconds: null,
          suites: [],
          failingWorkflows: [],
          failingTests: [],
          flakyTests: [],
        }),
      }),
    });
    expect(await screen.findByText('No completed runs')).toBeInTheDocument();
    expect(
      screen.getByText(/None: the latest run of every workflow/),
    ).toBeInTheDocument();
  });

  it('shows why when the pipeline health cannot be read', async () => {
    await renderView(<PipelineHealthCard scope="the portal" />, {
      api: stubDeliveryApi(),
    });
    expect(
      await screen.findByText(/Could not load the pipeline health/),
    ).toBeInTheDocument();
  });
});
