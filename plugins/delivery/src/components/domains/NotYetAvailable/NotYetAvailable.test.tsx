import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotYetAvailable } from './NotYetAvailable';

describe('NotYetAvailable', () => {
  it('shows a dash that keyboard users reach and that explains what will appear there', async () => {
    await renderInTestApp(
      <NotYetAvailable explanation="The number of open incidents appears here once the delivery backend answers with it." />,
    );

    const dash = screen.getByText('—');
    await userEvent.tab();
    expect(dash).toHaveFocus();
    expect(dash).toHaveAccessibleName(
      'Not available yet. The number of open incidents appears here once the delivery backend answers with it.',
    );

    await userEvent.hover(dash);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'The number of open incidents appears here once the delivery backend answers with it.',
    );
  });
});
