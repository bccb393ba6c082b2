import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { journeyApi } from '../../../__testUtils__/journeyPortal';
import { renderView } from '../../../__testUtils__/renderView';
import { GroupDoraCard } from './GroupDoraCard';

const group = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1',
  kind: 'Group',
  metadata: { namespace: 'default', name, title },
  spec: { type: 'team', children: [] },
});

// Rendering the DORA chart in jsdom is slow on a busy machine.
jest.setTimeout(20_000);

describe('GroupDoraCard', () => {
  it('pools the DORA metrics of the components the team owns', async () => {
    const api = journeyApi();
    const getDora = api.getDora;
    await renderView(<GroupDoraCard />, {
      api,
      entity: group('team-journey', 'Team Journey'),
    });

    const metrics = await screen.findByLabelText('DORA metrics');
    expect(getDora).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: 'group:default/team-journey' }),
    );
    expect(
      screen.getByRole('heading', { name: 'DORA metrics of the team' }),
    ).toBeInTheDocument();
    // The team owns journey-planner-service but not timetable-service, which
    // is in the same domain and also reached production.
    expect(
      within(metrics).getByLabelText('Deployment frequency'),
    ).toHaveTextContent('1 deployment to production');
  });

  it('says so when nothing the team owns reached production in the period', async () => {
    await renderView(<GroupDoraCard />, {
      api: journeyApi(),
      entity: group('team-docs', 'Team Docs'),
    });

    expect(
      await screen.findByText(
        /No production deployment of the components Team Docs owns finished in this period/,
      ),
    ).toBeInTheDocument();
  });
});
