import { screen, within } from '@testing-library/react';
import { journeyMatrices } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { DomainMatrixTable } from './DomainMatrixTable';

describe('DomainMatrixTable', () => {
  it('shows each component’s version per environment with drift and failures marked', async () => {
    const matrix = journeyMatrices['domain:default/journey'];
    await renderView(
      <DomainMatrixTable matrix={matrix} caption="Journey by environment" />,
      { api: {} },
    );

    const table = screen.getByRole('table', { name: 'Journey by environment' });
    const [header, planner, timetable] = within(table).getAllByRole('row');
    expect(header).toHaveTextContent(
      'ComponentDevelopmentStagingProduction production',
    );
    expect(within(planner).getByRole('rowheader')).toHaveTextContent(
      'journey-planner-servicedrift',
    );
    const [, , prod] = within(planner).getAllByRole('cell');
    expect(prod).toHaveTextContent('1.26.0');
    expect(prod).toHaveTextContent('differs from Staging');
    expect(prod).toHaveTextContent('1.26.2 failed');
    expect(within(timetable).getByRole('rowheader')).not.toHaveTextContent(
      'drift',
    );
    expect(timetable).not.toHaveTextContent('differs');
  });

  it('marks two production regions as production and compares each with the environment it is promoted from', async () => {
    const summary = (
      name: string,
      production = false,
      promotedFrom?: string,
    ) => ({
      name,
      title: name,
      production,
      ...(promotedFrom && { promotedFrom }),
    });
    const cell = (environment: string, version: string) => ({
      environment,
      version,
      deploymentId: `${environment}-${version}`,
      finishedAt: '2026-03-02T10:00:00Z',
      status: 'succeeded' as const,
      drift: false,
    });
    await renderView(
      <DomainMatrixTable
        caption="Journey by region"
        matrix={{
          domainRef: 'domain:default/journey',
          environments: [
            summary('staging'),
            summary('prod-eu', true, 'staging'),
            summary('prod-us', true, 'staging'),
          ],
          rows: [
            {
              entityRef: 'component:default/trips-api',
              system: 'system:default/trips',
              drift: true,
              cells: [
                cell('staging', '2.0.0'),
                { ...cell('prod-eu', '1.9.0'), drift: true },
                cell('prod-us', '2.0.0'),
              ],
            },
          ],
        }}
      />,
      { api: {} },
    );

    const table = screen.getByRole('table', { name: 'Journey by region' });
    const [header, trips] = within(table).getAllByRole('row');
    expect(within(header).getAllByText('production')).toHaveLength(2);
    const [, eu, us] = within(trips).getAllByRole('cell');
    expect(eu).toHaveTextContent('differs from staging');
    expect(us).not.toHaveTextContent('differs');
  });

  it('says where a component is not deployed', async () => {
    const matrix = journeyMatrices['domain:default/business-enablement'];
    await renderView(
      <DomainMatrixTable matrix={matrix} caption="Business Enablement" />,
      { api: {} },
    );

    expect(screen.getAllByText('not deployed')).toHaveLength(2);
  });
});
