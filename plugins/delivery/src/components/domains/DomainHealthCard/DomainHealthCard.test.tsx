import { screen, within } from '@testing-library/react';
import { summarizeDomainHealth } from '../domainHealth';
import { aDeployment } from '../../../__testUtils__/builders';
import { journeyMatrices } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { DomainHealthCard } from './DomainHealthCard';

describe('DomainHealthCard', () => {
  it('shows the last deployment per environment, failures and a link to the domain page', async () => {
    const matrix = journeyMatrices['domain:default/journey'];
    const health = summarizeDomainHealth(matrix, {
      recentFailures: [
        aDeployment({
          entityRef: 'component:default/journey-planner-service',
          status: 'failed',
        }),
      ],
    });
    await renderView(
      <DomainHealthCard
        domainRef="domain:default/journey"
        title="Journey"
        health={health}
        indicators={{ openIncidents: 2, pendingApprovals: 3 }}
        failuresComplete={false}
      />,
      { api: {} },
    );

    expect(
      screen.getByRole('heading', { name: 'Journey' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 components, 1 with drift')).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Last deployment per environment in Journey',
    });
    const production = within(table).getByRole('row', { name: /^Production/ });
    expect(production).toHaveTextContent('1.26.0 of journey-planner-service');
    expect(production).toHaveTextContent(/1$/);
    expect(
      screen.getByText(/Failed deployments in the last 24 hours/),
    ).toHaveTextContent('at least 1');
    expect(
      screen.getByText('Open incidents').nextElementSibling,
    ).toHaveTextContent(/^2$/);
    expect(
      screen.getByText('Pending approvals').nextElementSibling,
    ).toHaveTextContent(/^3$/);
    expect(
      screen.getByRole('link', { name: 'Open the delivery of Journey' }),
    ).toHaveAttribute('href', '/delivery/domains/default/journey');
  });

  it('says when the domain’s versions could not be read', async () => {
    await renderView(
      <DomainHealthCard
        domainRef="domain:default/journey"
        title="Journey"
        error={new Error('forbidden')}
        indicators={{}}
        failuresComplete
      />,
      { api: {} },
    );

    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load the versions of Journey: forbidden',
    );
  });
});
