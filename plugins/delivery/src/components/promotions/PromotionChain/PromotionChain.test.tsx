import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EnvironmentStatus } from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionChain } from './PromotionChain';

const at = '2026-03-02T10:00:00Z';
const running = (version: string) => ({
  version,
  since: at,
  deployment: {
    id: `d-${version}`,
    entityRef: 'component:default/payments-api',
    environment: 'x',
    version,
    commitSha: 'abc',
    commits: [],
    status: 'succeeded' as const,
    trigger: 'promotion' as const,
    startedAt: at,
    finishedAt: at,
  },
});
const env = (name: string, title: string) => ({
  name,
  title,
  production: name === 'prod',
});

describe('PromotionChain', () => {
  it('shows each environment’s version and marks the drift between them', async () => {
    const items: EnvironmentStatus[] = [
      {
        environment: env('dev', 'Development'),
        current: running('1.4.3'),
        next: {
          environment: 'staging',
          version: '1.4.3',
          missing: { versions: [], commits: [] },
        },
      },
      {
        environment: env('staging', 'Staging'),
        current: running('1.4.3'),
        next: {
          environment: 'prod',
          version: '1.4.1',
          missing: {
            versions: [
              { version: '1.4.3', deploymentId: 'a', finishedAt: at },
              { version: '1.4.2', deploymentId: 'b', finishedAt: at },
            ],
            commits: [],
          },
        },
      },
      { environment: env('prod', 'Production'), current: running('1.4.1') },
    ];

    await renderInTestApp(<PromotionChain items={items} />);

    const chain = screen.getByRole('list', {
      name: 'Versions along the promotion chain',
    });
    const steps = within(chain).getAllByRole('listitem');
    expect(steps.map(step => step.textContent)).toEqual([
      'Development 1.4.3',
      'in syncStaging 1.4.3',
      '2 versions behindProduction 1.4.1',
    ]);
  });

  it('says when nothing has reached an environment', async () => {
    await renderInTestApp(
      <PromotionChain
        items={[
          { environment: env('dev', 'Development'), current: running('0.1.0') },
          { environment: env('staging', 'Staging') },
        ]}
      />,
    );

    expect(screen.getByText('not deployed')).toBeInTheDocument();
    expect(screen.getByText('nothing yet')).toBeInTheDocument();
  });
});
