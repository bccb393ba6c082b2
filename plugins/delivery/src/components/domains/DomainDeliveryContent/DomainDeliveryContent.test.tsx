import { screen, within } from '@testing-library/react';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { DomainDeliveryContent } from './DomainDeliveryContent';

// Rendering the DORA chart in jsdom is slow on a busy machine.
jest.setTimeout(20_000);

describe('DomainDeliveryContent', () => {
  it('shows the matrix, the failures of the last day and the recent deployments', async () => {
    await renderView(
      <DomainDeliveryContent domainRef="domain:default/journey" />,
      {
        api: journeyApi(),
      },
    );

    expect(
      await screen.findByText(
        '2 components, 1 with drift between environments',
      ),
    ).toBeInTheDocument();
    const failures = screen.getByRole('table', {
      name: 'Failed deployments in the last 24 hours',
    });
    expect(within(failures).getAllByRole('row')).toHaveLength(2);
    expect(failures).toHaveTextContent(
      'journey-planner-serviceProduction1.26.2Failed',
    );

    const recent = await screen.findByRole('table', {
      name: 'Recent deployments',
    });
    expect(within(recent).getAllByRole('row')).toHaveLength(8);
    expect(recent).not.toHaveTextContent('payments-api');

    expect(screen.getByRole('heading', { name: 'Health' })).toBeInTheDocument();
    // The last 30 days: one production deployment of each component, no commits reported.
    expect(
      await screen.findByText('Deployment frequency: medium'),
    ).toBeInTheDocument();
    expect(screen.getByText('Lead time: not rated')).toBeInTheDocument();
    // The planner's incident is open, the timetable's resolved.
    expect(
      screen.getByText('Open incidents').nextElementSibling,
    ).toHaveTextContent(/^1$/);
  });

  it('shows the DORA metrics of the domain’s components', async () => {
    const api = journeyApi();
    const getDora = api.getDora;
    await renderView(
      <DomainDeliveryContent domainRef="domain:default/journey" />,
      { api },
    );

    const metrics = await screen.findByLabelText('DORA metrics');
    expect(getDora).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'domain:default/journey',
        bucket: 'day',
      }),
    );
    // Pooled over both components of journey; payments-api is elsewhere.
    expect(
      within(metrics).getByLabelText('Deployment frequency'),
    ).toHaveTextContent('2 deployments to production');
  });

  it('says when the domain has no component', async () => {
    await renderView(
      <DomainDeliveryContent domainRef="domain:default/experience" />,
      {
        api: journeyApi(),
      },
    );

    expect(await screen.findByText('No components')).toBeInTheDocument();
    expect(
      screen.getByText(
        /A component belongs to a domain through its spec.system/,
      ),
    ).toBeInTheDocument();
  });

  it('says what went wrong when the matrix cannot be read', async () => {
    await renderView(
      <DomainDeliveryContent domainRef="domain:default/journey" />,
      {
        api: {
          getDomainMatrix: async () => {
            throw new Error('Domain journey not found');
          },
        },
      },
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the delivery of journey');
    expect(alert).toHaveTextContent('Domain journey not found');
  });
});
