import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoraQuery } from '../../../api';
import { formatPeriod } from '../formatDora';
import { stubDeliveryApi } from '../../../__testUtils__/deliveryApiStub';
import { doraAnswer } from '../../../__testUtils__/doraAnswer';
import { renderView } from '../../../__testUtils__/renderView';
import { DoraSection } from './DoraSection';

const payments = 'component:default/payments-api';
const DAY_HOURS = 24;
const HOUR = 3600;

/**
 * The last 30 days of payments-api: four production deployments (lead times
 * 4, 10 and 6 hours; the one 10 days ago rolled back 2 hours later).
 */
const lastMonth = {
  deployments: 4,
  deploymentFrequencyPerDay: 4 / 30,
  leadTimeMedianSeconds: 6 * HOUR,
  leadTimeP90Seconds: 9.2 * HOUR,
  leadTimeCommits: 3,
  failedDeployments: 1,
  changeFailureRate: 0.25,
  recoveryMedianSeconds: 2 * HOUR,
  reworkRate: 0.25,
};

/** The last 90 days: one more deployment 60 days ago, lead time 48 hours. */
const lastQuarter = {
  ...lastMonth,
  deployments: 5,
  deploymentFrequencyPerDay: 5 / 90,
  leadTimeMedianSeconds: 8 * HOUR,
  leadTimeP90Seconds: 36.6 * HOUR,
  leadTimeCommits: 4,
  changeFailureRate: 0.2,
  reworkRate: 0.2,
};

const tiers = {
  deploymentFrequency: 'medium',
  leadTime: 'elite',
  changeFailureRate: 'low',
  recovery: 'high',
} as const;

const daysIn = (query: DoraQuery) =>
  Math.round(
    (Date.parse(query.to) - Date.parse(query.from)) / (DAY_HOURS * 3600e3),
  );

/** The delivery API answering DORA for payments-api over 30 or 90 days. */
function paymentsApi() {
  return stubDeliveryApi({
    getDora: async query =>
      doraAnswer(query, daysIn(query) > 30 ? lastQuarter : lastMonth, tiers),
  });
}

// Label queries and queries within a part of the card: role queries over the
// whole chart's SVG are slow.
const metrics = () => screen.getByLabelText('DORA metrics');
const tile = (name: string) => within(metrics()).getByLabelText(name);
const windowButton = (name: string) =>
  within(screen.getByLabelText('Period of the DORA metrics')).getByRole(
    'button',
    { name },
  );
const trendTable = (bucket: 'day' | 'week') =>
  within(
    screen.getByLabelText(
      `Production deployments and median lead time per ${bucket}`,
    ),
  ).getByRole('table');

// Rendering the DORA chart in jsdom is slow on a busy machine.
jest.setTimeout(20_000);

describe('DoraSection', () => {
  it('says that it is loading, and for which period', async () => {
    const requests: DoraQuery[] = [];
    await renderView(
      <DoraSection entityRef={payments} scope="payments-api" />,
      {
        api: {
          getDora: query => {
            requests.push(query);
            return new Promise(() => {});
          },
        },
      },
    );

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Loading the DORA metrics of payments-api…',
    );
    const [query] = requests;
    expect(
      screen.getByText(
        `Last 30 days: ${formatPeriod(query.from, query.to, query.timeZone)}`,
      ),
    ).toBeInTheDocument();
  });

  it('shows the five metrics of the last 30 days with their tiers, the period and the trend', async () => {
    const api = paymentsApi();
    const getDora = api.getDora;
    await renderView(
      <DoraSection entityRef={payments} scope="payments-api" />,
      {
        api,
      },
    );

    expect(await screen.findByLabelText('DORA metrics')).toBeInTheDocument();
    expect(getDora).toHaveBeenCalledTimes(1);
    const query = getDora.mock.calls[0][0];
    expect(query).toMatchObject({ entityRef: payments, bucket: 'day' });
    expect(daysIn(query)).toBe(30);
    expect(Date.parse(query.to)).toBeLessThanOrEqual(Date.now());
    expect(
      screen.getByText(
        `Last 30 days: ${formatPeriod(query.from, query.to, query.timeZone)}`,
      ),
    ).toBeInTheDocument();

    expect(tile('Deployment frequency')).toHaveTextContent(
      '4 a month4 deployments to productionMedium',
    );
    expect(tile('Lead time for changes')).toHaveTextContent(
      '6 hMedian of 3 commits; 90th percentile 9 h 12 minElite',
    );
    expect(tile('Change failure rate')).toHaveTextContent(
      '25%1 of 4 deployments failedLow',
    );
    expect(tile('Failed deployment recovery time')).toHaveTextContent(
      '2 hMedian of 1 recovered failureHigh',
    );
    expect(tile('Deployment rework rate')).toHaveTextContent(
      '25%1 rollback or hotfix',
    );

    // A row per day the window touches (30 or 31), plus the header.
    expect(
      within(trendTable('day')).getAllByRole('row').length,
    ).toBeGreaterThanOrEqual(31);
  });

  it('reads the last 90 days by week when the reader chooses them', async () => {
    const api = paymentsApi();
    const getDora = api.getDora;
    await renderView(
      <DoraSection entityRef={payments} scope="payments-api" />,
      {
        api,
      },
    );
    await screen.findByLabelText('DORA metrics');

    await userEvent.click(windowButton('Last 90 days'));

    await waitFor(() =>
      expect(tile('Deployment frequency')).toHaveTextContent(
        '5 deployments to production',
      ),
    );
    expect(getDora).toHaveBeenCalledTimes(2);
    const query = getDora.mock.calls[1][0];
    expect(query).toMatchObject({ entityRef: payments, bucket: 'week' });
    expect(daysIn(query)).toBe(90);
    expect(windowButton('Last 90 days')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(windowButton('Last 30 days')).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(
      screen.getByText(
        `Last 90 days: ${formatPeriod(query.from, query.to, query.timeZone)}`,
      ),
    ).toBeInTheDocument();
    // The lead time of 48 hours 60 days ago now counts: median of 4, 6, 10 and 48.
    expect(tile('Lead time for changes')).toHaveTextContent('8 h');
    expect(trendTable('week')).toBeInTheDocument();
  });

  it('says that nothing reached production yet instead of showing empty numbers', async () => {
    await renderView(
      <DoraSection entityRef={payments} scope="payments-api" />,
      {
        // Only a deployment to dev: nothing DORA counts.
        api: stubDeliveryApi({ getDora: async query => doraAnswer(query) }),
      },
    );

    expect(
      await screen.findByText(
        /No production deployment of payments-api finished in this period/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Last 30 days: /)).toBeInTheDocument();
    expect(screen.queryByLabelText('DORA metrics')).not.toBeInTheDocument();
  });

  it('shows the backend’s message when it refuses, and tries again on request', async () => {
    const api = paymentsApi();
    const body = JSON.stringify({
      error: {
        name: 'InputError',
        message:
          "timeZone must be an IANA time zone, such as Europe/Berlin or UTC; got 'Mars/Olympus'",
      },
      response: { statusCode: 400 },
    });
    const refusal = await ResponseError.fromResponse({
      ok: false,
      status: 400,
      statusText: 'Bad Request',
      url: 'http://backstage.test/api/delivery/dora',
      redirected: false,
      type: 'basic',
      headers: {
        get: (name: string) =>
          name.toLowerCase() === 'content-type' ? 'application/json' : null,
      },
      text: async () => body,
    } as unknown as Response);
    api.getDora.mockRejectedValueOnce(refusal);
    await renderView(
      <DoraSection entityRef={payments} scope="payments-api" />,
      {
        api,
      },
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the DORA metrics of payments-api',
    );
    expect(alert).toHaveTextContent(
      "timeZone must be an IANA time zone, such as Europe/Berlin or UTC; got 'Mars/Olympus'",
    );

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByLabelText('DORA metrics')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
