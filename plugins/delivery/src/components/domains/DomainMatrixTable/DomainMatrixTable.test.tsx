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
    expect(header).toHaveTextContent('ComponentDevelopmentStagingProduction');
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

  it('says where a component is not deployed', async () => {
    const matrix = journeyMatrices['domain:default/business-enablement'];
    await renderView(
      <DomainMatrixTable matrix={matrix} caption="Business Enablement" />,
      { api: {} },
    );

    expect(screen.getAllByText('not deployed')).toHaveLength(2);
  });
});
