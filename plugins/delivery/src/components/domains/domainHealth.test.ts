import { DomainMatrix } from '@domain-delivery/backstage-plugin-delivery-common';
import { aDeployment } from '../../__testUtils__/builders';
import { summarizeDomainHealth } from './domainHealth';

const matrix: DomainMatrix = {
  domainRef: 'domain:default/smart-city',
  environments: [
    { name: 'dev', title: 'Development', production: false },
    { name: 'prod', title: 'Production', production: true },
  ],
  rows: [
    {
      entityRef: 'component:default/bike-share-service',
      system: 'system:default/urban-mobility',
      drift: true,
      cells: [
        {
          environment: 'dev',
          version: '2.1.0',
          finishedAt: '2026-03-02T10:00:00Z',
          status: 'succeeded',
          drift: false,
        },
        {
          environment: 'prod',
          version: '2.0.0',
          finishedAt: '2026-03-01T10:00:00Z',
          status: 'failed',
          latest: { deploymentId: 'x', version: '2.1.0', status: 'failed' },
          drift: true,
        },
      ],
    },
    {
      entityRef: 'component:default/traffic-flow-service',
      system: 'system:default/urban-mobility',
      drift: false,
      cells: [
        {
          environment: 'dev',
          version: '0.9.0',
          finishedAt: '2026-03-02T12:00:00Z',
          status: 'succeeded',
          drift: false,
        },
        { environment: 'prod', drift: false },
      ],
    },
  ],
};

describe('summarizeDomainHealth', () => {
  it('finds the last deployment per environment, the drift and the failures', () => {
    const health = summarizeDomainHealth(matrix, {
      recentFailures: [
        aDeployment({
          entityRef: 'component:default/bike-share-service',
          environment: 'prod',
          status: 'failed',
        }),
        aDeployment({
          entityRef: 'component:default/payments-api',
          environment: 'prod',
          status: 'failed',
        }),
      ],
    });

    expect(health).toEqual({
      domainRef: 'domain:default/smart-city',
      components: 2,
      drifted: 1,
      failures: 1,
      environments: [
        {
          environment: matrix.environments[0],
          last: {
            entityRef: 'component:default/traffic-flow-service',
            version: '0.9.0',
            finishedAt: '2026-03-02T12:00:00Z',
          },
          failing: 0,
        },
        {
          environment: matrix.environments[1],
          last: {
            entityRef: 'component:default/bike-share-service',
            version: '2.0.0',
            finishedAt: '2026-03-01T10:00:00Z',
          },
          failing: 1,
        },
      ],
    });
  });

  it('counts only the given components and environment', () => {
    const health = summarizeDomainHealth(matrix, {
      entityRefs: new Set(['component:default/traffic-flow-service']),
      environment: 'prod',
      recentFailures: [
        aDeployment({
          entityRef: 'component:default/bike-share-service',
          environment: 'prod',
          status: 'failed',
        }),
      ],
    });

    expect(health.components).toBe(1);
    expect(health.drifted).toBe(0);
    expect(health.failures).toBe(0);
    expect(health.environments).toEqual([
      { environment: matrix.environments[1], failing: 0 },
    ]);
  });
});
