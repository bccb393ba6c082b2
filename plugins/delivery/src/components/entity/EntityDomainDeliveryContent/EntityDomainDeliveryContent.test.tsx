import { screen } from '@testing-library/react';
import { journeyCatalog } from '../../../__testUtils__/journeyCatalog';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { EntityDomainDeliveryContent } from './EntityDomainDeliveryContent';

describe('EntityDomainDeliveryContent', () => {
  it('shows the delivery of the domain on its page', async () => {
    await renderView(<EntityDomainDeliveryContent />, {
      api: journeyApi(),
      entity: journeyCatalog[0],
    });

    expect(
      await screen.findByRole('table', {
        name: 'The version each component of journey runs in each environment',
      }),
    ).toBeInTheDocument();
  });
});
