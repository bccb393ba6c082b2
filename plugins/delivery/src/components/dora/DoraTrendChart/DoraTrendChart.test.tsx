import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { DoraBucket } from '@domain-delivery/backstage-plugin-delivery-common';
import { noDeployments } from '../../../__testUtils__/doraAnswer';
import { DoraTrendChart } from './DoraTrendChart';

function aBucket(label: string, values: Partial<DoraBucket>): DoraBucket {
  const start = new Date(`${label}T00:00:00Z`);
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + 24 * 3600 * 1000).toISOString(),
    label,
    ...noDeployments,
    ...values,
  };
}

const series = [
  aBucket('2026-03-01', {
    deployments: 3,
    deploymentFrequencyPerDay: 3,
    failedDeployments: 1,
    leadTimeMedianSeconds: 5 * 3600,
  }),
  aBucket('2026-03-02', {}),
  aBucket('2026-03-03', {
    deployments: 1,
    deploymentFrequencyPerDay: 1,
    leadTimeMedianSeconds: 90 * 60,
  }),
];

// Rendering the DORA chart in jsdom is slow on a busy machine.
jest.setTimeout(20_000);

describe('DoraTrendChart', () => {
  it('draws the deployments, the failures and the median lead time over the window', async () => {
    await renderInTestApp(<DoraTrendChart series={series} bucket="day" />);

    expect(
      screen.getByRole('figure', {
        name: 'Production deployments and median lead time per day',
      }),
    ).toBeInTheDocument();
    // The legend names what the bars and the line are.
    expect(screen.getByText('Deployments', { selector: 'span' })).toBeVisible();
    expect(
      screen.getByText('Failed deployments', { selector: 'span' }),
    ).toBeVisible();
    expect(
      screen.getByText('Median lead time', { selector: 'span' }),
    ).toBeVisible();
    // One tick per day on the time axis.
    expect(screen.getByText('Mar 1', { selector: 'tspan' })).toBeVisible();
    expect(screen.getByText('Mar 3', { selector: 'tspan' })).toBeVisible();
  });

  it('gives screen readers every bucket, with no data where nothing reached production', async () => {
    await renderInTestApp(<DoraTrendChart series={series} bucket="day" />);

    const table = screen.getByRole('table', {
      name: 'Production deployments and median lead time per day',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      '2026-03-01315 h',
      '2026-03-0200no data',
      '2026-03-03101 h 30 min',
    ]);
  });

  it('names weeks by their ISO week', async () => {
    await renderInTestApp(
      <DoraTrendChart
        series={[aBucket('2026-03-02', { label: '2026-W10', deployments: 4 })]}
        bucket="week"
      />,
    );

    expect(
      screen.getByRole('table', {
        name: 'Production deployments and median lead time per week',
      }),
    ).toHaveTextContent('2026-W104');
    expect(screen.getByText('W10', { selector: 'tspan' })).toBeVisible();
  });
});
