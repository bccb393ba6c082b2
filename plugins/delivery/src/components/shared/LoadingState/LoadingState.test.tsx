import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LoadingState } from './LoadingState';

describe('LoadingState', () => {
  it('says what is loading', async () => {
    await renderInTestApp(
      <LoadingState message="Loading the deployment history…" />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Loading the deployment history…',
    );
  });
});
