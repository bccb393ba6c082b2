import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextEnvironmentGap } from './NextEnvironmentGap';

const hourAgo = new Date(Date.now() - 3600 * 1000).toISOString();

describe('NextEnvironmentGap', () => {
  it('says how far behind the next environment is and lists the commits on request', async () => {
    await renderInTestApp(
      <NextEnvironmentGap
        nextTitle="Production"
        next={{
          environment: 'prod',
          version: '1.4.1',
          missing: {
            versions: [
              { version: '1.4.3', deploymentId: 'd3', finishedAt: hourAgo },
              { version: '1.4.2', deploymentId: 'd2', finishedAt: hourAgo },
            ],
            commits: [
              { sha: 'aaaaaaa111', committedAt: hourAgo },
              { sha: 'bbbbbbb222', committedAt: hourAgo },
            ],
          },
        }}
      />,
    );

    expect(
      screen.getByText('Production is 2 versions behind: 1.4.3, 1.4.2'),
    ).toBeInTheDocument();
    const toggle = screen.getByRole('button', {
      name: 'Show 2 commits waiting for Production',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('aaaaaaa')).not.toBeInTheDocument();

    await userEvent.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('list', { name: 'Commits waiting for Production' }),
    ).toHaveTextContent('aaaaaaa');
    expect(screen.getByText('bbbbbbb')).toBeInTheDocument();
  });

  it('says when the next environment runs the same version', async () => {
    await renderInTestApp(
      <NextEnvironmentGap
        nextTitle="Staging"
        next={{
          environment: 'staging',
          version: '1.4.3',
          missing: { versions: [], commits: [] },
        }}
      />,
    );

    expect(
      screen.getByText('Staging runs the same version'),
    ).toBeInTheDocument();
  });

  it('names what waits when nothing runs in the next environment yet', async () => {
    await renderInTestApp(
      <NextEnvironmentGap
        nextTitle="Staging"
        next={{
          environment: 'staging',
          missing: {
            versions: [
              { version: '0.1.0', deploymentId: 'd1', finishedAt: hourAgo },
            ],
            commits: [],
          },
        }}
      />,
    );

    expect(screen.getByText('Not in Staging yet: 0.1.0')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
