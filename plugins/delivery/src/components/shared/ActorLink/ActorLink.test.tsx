import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ActorLink } from './ActorLink';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('ActorLink', () => {
  it('links a user to their catalog page', async () => {
    await renderInTestApp(<ActorLink actor="user:default/priya-nair" />, {
      mountedRoutes,
    });

    expect(screen.getByRole('link', { name: 'priya-nair' })).toHaveAttribute(
      'href',
      '/catalog/default/user/priya-nair',
    );
  });

  it('shows a bot or an unknown actor as text', async () => {
    await renderInTestApp(
      <>
        <ActorLink actor="github-actions[bot]" />
        <ActorLink />
      </>,
      { mountedRoutes },
    );

    expect(screen.getByText('github-actions[bot]')).toBeInTheDocument();
    expect(screen.getByText('unknown')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
