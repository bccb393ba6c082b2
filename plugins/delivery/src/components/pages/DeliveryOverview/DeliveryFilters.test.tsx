import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeliveryFilters } from './DeliveryFilters';

describe('DeliveryFilters', () => {
  it('offers labelled selects and reports the chosen values', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <DeliveryFilters
        values={{ domain: '', owner: '', environment: 'prod' }}
        domains={[{ value: 'domain:default/journey', label: 'Journey' }]}
        owners={[
          { value: 'group:default/team-journey', label: 'team-journey' },
        ]}
        environments={[{ value: 'prod', label: 'Production' }]}
        onChange={onChange}
      />,
    );

    expect(screen.getByLabelText('Environment')).toHaveValue('prod');
    await userEvent.selectOptions(screen.getByLabelText('Domain'), 'Journey');

    expect(onChange).toHaveBeenCalledWith({
      domain: 'domain:default/journey',
      owner: '',
      environment: 'prod',
    });
    expect(
      screen.getByRole('option', { name: 'All owners' }),
    ).toBeInTheDocument();
  });
});
