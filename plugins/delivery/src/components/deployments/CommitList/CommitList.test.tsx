import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CommitList } from './CommitList';

describe('CommitList', () => {
  it('shows each commit by short SHA and when it was made', async () => {
    await renderInTestApp(
      <CommitList
        label="Commits waiting for prod"
        commits={[
          {
            sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
            committedAt: new Date(Date.now() - 2 * 3600 * 1000).toISOString(),
          },
        ]}
      />,
    );

    const list = screen.getByRole('list', { name: 'Commits waiting for prod' });
    const sha = within(list).getByText('9fceb02');
    expect(sha.tagName).toBe('CODE');
    expect(sha).toHaveAttribute(
      'title',
      '9fceb02d0ae598e95dc970b74767f19372d61af8',
    );
    expect(within(list).getByText('2 hours ago')).toBeInTheDocument();
  });

  it('shows the author and the first line of the message once the API has them', async () => {
    await renderInTestApp(
      <CommitList
        label="Commits"
        commits={[
          {
            sha: 'abcdef0123456789',
            committedAt: new Date().toISOString(),
            author: 'Priya Nair',
            message: 'Cache garage occupancy\n\nLonger explanation',
          },
        ]}
      />,
    );

    expect(screen.getByText('Cache garage occupancy')).toBeInTheDocument();
    expect(screen.queryByText(/Longer explanation/)).not.toBeInTheDocument();
    expect(screen.getByText(/Priya Nair/)).toBeInTheDocument();
  });
});
