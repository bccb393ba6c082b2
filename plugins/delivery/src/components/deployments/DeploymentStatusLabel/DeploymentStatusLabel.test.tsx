import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { DeploymentStatusLabel } from './DeploymentStatusLabel';

describe('DeploymentStatusLabel', () => {
  it('names every status in words', async () => {
    await renderInTestApp(
      <>
        <DeploymentStatusLabel status="succeeded" />
        <DeploymentStatusLabel status="failed" />
        <DeploymentStatusLabel status="in_progress" />
        <DeploymentStatusLabel status="cancelled" />
      </>,
    );

    for (const text of ['Succeeded', 'Failed', 'In progress', 'Cancelled']) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
  });
});
