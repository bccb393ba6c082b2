import { screen } from '@testing-library/react';
import {
  journeyCatalog,
  journeyDeliveryApi,
} from '../../../__testUtils__/journeyFixture';
import { renderView } from '../../../__testUtils__/renderView';
import { EntityDomainDeliveryContent } from './EntityDomainDeliveryContent';

describe('EntityDomainDeliveryContent', () => {
  it('shows the delivery of the domain on its page', async () => {
    await renderView(<EntityDomainDeliveryContent />, {
      api: journeyDeliveryApi(),
      entity: journeyCatalog[0],
    });

    expect(
      await screen.findByRole('table', {
        name: 'The version each component of journey runs in each environment',
      }),
    ).toBeInTheDocument();
  });
});
