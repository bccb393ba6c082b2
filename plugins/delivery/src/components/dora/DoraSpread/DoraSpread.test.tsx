import { screen, within } from '@testing-library/react';
import { doraAnswer } from '../../../__testUtils__/doraAnswer';
import { renderView } from '../../../__testUtils__/renderView';
import { DoraSection } from '../DoraSection';

const ref = (name: string) => `component:default/${name}`;

// Journey over the last 30 days: pooled, elite in frequency; behind it one
// service deploys daily, one weekly and two have not deployed at all.
const journey = {
  distribution: {
    deploymentFrequency: { elite: 1, high: 1, medium: 0, low: 2, none: 0 },
    leadTime: { elite: 1, high: 0, medium: 1, low: 0, none: 2 },
    changeFailureRate: { elite: 2, high: 0, medium: 0, low: 0, none: 2 },
    recovery: { elite: 0, high: 0, medium: 0, low: 0, none: 4 },
  },
  lowestTiers: {
    deploymentFrequency: {
      tier: 'low' as const,
      entityRefs: [ref('booking-api'), ref('itinerary-worker')],
    },
    leadTime: { tier: 'medium' as const, entityRefs: [ref('search-api')] },
    changeFailureRate: {
      tier: 'elite' as const,
      entityRefs: [ref('search-api'), ref('trips-api')],
    },
    recovery: null,
  },
};

const spreadOf = (title: string) =>
  within(screen.getByLabelText('Components by tier')).getByLabelText(
    `${title} across components`,
  );

describe('the spread of a domain’s components over the DORA tiers', () => {
  it('shows each metric’s tiers as a bar with counts and names the lowest tier’s components, linked', async () => {
    await renderView(
      <DoraSection entityRef="domain:default/journey" scope="Journey" />,
      {
        api: {
          getDora: async query => ({
            ...doraAnswer(
              query,
              { deployments: 37, deploymentFrequencyPerDay: 37 / 30 },
              { deploymentFrequency: 'elite' },
            ),
            ...journey,
          }),
        },
      },
    );

    expect(await screen.findByText('4 components by tier')).toBeInTheDocument();
    const frequency = spreadOf('Deployment frequency');
    expect(
      within(frequency).getByRole('img', { name: 'Elite 1, High 1, Low 2' }),
    ).toBeInTheDocument();
    expect(frequency).toHaveTextContent(
      'Lowest tier (Low): booking-api, itinerary-worker',
    );
    expect(
      within(frequency).getByRole('link', { name: 'booking-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/booking-api');

    expect(spreadOf('Lead time for changes')).toHaveTextContent(
      'Elite 1, Medium 1, Not rated 2',
    );
    expect(spreadOf('Lead time for changes')).toHaveTextContent(
      'Lowest tier (Medium): search-api',
    );
    // Nobody has a recovery tier: nothing to name.
    const recovery = spreadOf('Failed deployment recovery time');
    expect(recovery).toHaveTextContent('Not rated 4');
    expect(within(recovery).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows no spread for one component', async () => {
    await renderView(
      <DoraSection entityRef={ref('search-api')} scope="search-api" />,
      {
        api: {
          getDora: async query =>
            doraAnswer(query, {
              deployments: 3,
              deploymentFrequencyPerDay: 0.1,
            }),
        },
      },
    );

    expect(await screen.findByLabelText('DORA metrics')).toBeInTheDocument();
    expect(
      screen.queryByLabelText('Components by tier'),
    ).not.toBeInTheDocument();
  });
});
