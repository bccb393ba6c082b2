import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CommitList } from './CommitList';
import { repositoryUrl } from './useCommitLinks';

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

describe('CommitList links', () => {
  it("links each commit to the entity's GitHub repository", async () => {
    const catalogApi = catalogApiMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'parking-api',
            annotations: { 'github.com/project-slug': 'acme/parking-api' },
          },
        },
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <CommitList
          label="Commits"
          entityRef="component:default/parking-api"
          commits={[
            {
              sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
              committedAt: new Date().toISOString(),
              message: 'Cache garage occupancy',
              author: 'octocat',
            },
          ]}
        />
      </TestApiProvider>,
    );

    const link = await screen.findByRole('link', {
      name: /^Commit 9fceb02: Cache garage occupancy, on GitHub/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://github.com/acme/parking-api/commit/9fceb02d0ae598e95dc970b74767f19372d61af8',
    );
    expect(link).toHaveTextContent(/^9fceb02/);
    expect(screen.getByText('Cache garage occupancy')).toBeInTheDocument();
    expect(screen.getByText(/octocat/)).toBeInTheDocument();
  });
});

describe('repositoryUrl', () => {
  const entity = (annotations: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
  });

  it('is on github.com unless the source location names another host', () => {
    expect(
      repositoryUrl(entity({ 'github.com/project-slug': 'acme/api' })),
    ).toBe('https://github.com/acme/api');
    expect(
      repositoryUrl(
        entity({
          'github.com/project-slug': 'acme/api',
          'backstage.io/source-location':
            'url:https://ghe.example.com/acme/api/tree/main/',
        }),
      ),
    ).toBe('https://ghe.example.com/acme/api');
    expect(repositoryUrl(entity({}))).toBeUndefined();
  });
});
