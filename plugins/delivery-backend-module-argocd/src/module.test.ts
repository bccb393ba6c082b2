import { Entity } from '@backstage/catalog-model';
import {
  PARKING_API,
  PARKING_API_REF,
  startArgoCdBackend,
} from './__testUtils__/argoCdBackend';
import {
  argoCdServer,
  recordedApplication,
} from './__testUtils__/argoCdServer';

jest.setTimeout(30_000);

describe('the Argo CD source', () => {
  const argocd = argoCdServer();
  beforeAll(() =>
    argocd.server.listen({
      // The test's own requests reach the backend; Argo CD is only msw.
      onUnhandledRequest: (request, print) => {
        if (
          !['127.0.0.1', 'localhost'].includes(new URL(request.url).hostname)
        ) {
          print.error();
        }
      },
    }),
  );
  afterAll(() => argocd.server.close());

  beforeEach(() => {
    argocd.requests.length = 0;
    argocd.holds('main', recordedApplication('parking-api-dev'));
    argocd.holds('main', recordedApplication('parking-api-staging'));
    argocd.holds('main', recordedApplication('parking-api-prod'));
  });

  it("records each application's latest sync as a deployment, decided by its health", async () => {
    const backend = await startArgoCdBackend({});
    await backend.readApplications();

    const deployments = await backend.deployments();
    expect(deployments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'argocd-main-parking-api-dev-20261207T080112Z',
          environment: 'dev',
          // The tag of the service's image, not the redis beside it.
          version: '3f9c2a7b1d4e',
          commitSha: '4f2a9c1e8b7d6a5c4b3a29180f7e6d5c4b3a2918',
          status: 'succeeded',
          trigger: 'pipeline',
          startedAt: '2026-12-07T08:01:12.000Z',
          // Healthy after the sync ended: when the health turned.
          finishedAt: '2026-12-07T08:02:55.000Z',
          url: 'https://argocd.example.com/applications/parking-api-dev',
        }),
        expect.objectContaining({
          id: 'argocd-main-parking-api-staging-20261207T081530Z',
          environment: 'staging',
          status: 'in_progress',
          startedAt: '2026-12-07T08:15:30.000Z',
        }),
        expect.objectContaining({
          id: 'argocd-main-parking-api-prod-20261207T074510Z',
          environment: 'prod',
          version: '91b0e2d5c6a8',
          status: 'failed',
          finishedAt: '2026-12-07T07:55:19.000Z',
          url: 'https://argocd.example.com/applications/parking-api-prod',
        }),
      ]),
    );
    expect(deployments).toHaveLength(3);
  });

  it('shows sync and health on the environments, read from the store, never from Argo CD', async () => {
    const backend = await startArgoCdBackend({});
    await backend.readApplications();
    const requestsOfTheRead = argocd.requests.length;

    const environments = await backend.environments();
    expect(
      environments.map(({ environment, application }: any) => ({
        environment: environment.name,
        application,
      })),
    ).toEqual([
      {
        environment: 'dev',
        application: expect.objectContaining({
          source: 'argocd',
          name: 'parking-api-dev',
          syncStatus: 'Synced',
          healthStatus: 'Healthy',
          revision: '4f2a9c1e8b7d6a5c4b3a29180f7e6d5c4b3a2918',
          url: 'https://argocd.example.com/applications/parking-api-dev',
        }),
      },
      {
        environment: 'staging',
        application: expect.objectContaining({
          syncStatus: 'OutOfSync',
          healthStatus: 'Progressing',
        }),
      },
      {
        environment: 'prod',
        application: expect.objectContaining({
          syncStatus: 'Synced',
          healthStatus: 'Degraded',
          healthMessage:
            'Deployment "parking-api" exceeded its progress deadline',
        }),
      },
    ]);
    await backend.environments();
    await backend.deployments();
    expect(argocd.requests).toHaveLength(requestsOfTheRead);
    expect(requestsOfTheRead).toBe(3);
  });

  it('keeps one record per sync however often it reads, and adds the next sync', async () => {
    const backend = await startArgoCdBackend({});
    await backend.readApplications();
    await backend.readApplications();
    expect(await backend.deployments()).toHaveLength(3);

    argocd.holds('main', recordedApplication('parking-api-dev.next-sync'));
    await backend.readApplications();
    const dev = (await backend.deployments()).filter(
      d => d.environment === 'dev',
    );
    expect(dev.map(d => [d.id, d.version, d.status])).toEqual([
      [
        'argocd-main-parking-api-dev-20261207T093000Z',
        '8e1d0c4b7a2f',
        'succeeded',
      ],
      [
        'argocd-main-parking-api-dev-20261207T080112Z',
        '3f9c2a7b1d4e',
        'succeeded',
      ],
    ]);
  });

  it('does not count a sync that applied the same revision and source again', async () => {
    const backend = await startArgoCdBackend({});
    await backend.readApplications();

    // Self-heal put back what drifted: Argo CD adds a history entry all the same.
    const dev = recordedApplication('parking-api-dev');
    const [, latest] = dev.status.history;
    dev.status.history.push({
      ...latest,
      id: 43,
      deployStartedAt: '2026-12-07T08:40:00Z',
      deployedAt: '2026-12-07T08:40:03Z',
    });
    dev.status.operationState = {
      ...dev.status.operationState,
      startedAt: '2026-12-07T08:40:00Z',
      finishedAt: '2026-12-07T08:40:03Z',
    };
    argocd.holds('main', dev);
    await backend.readApplications();

    expect(
      (await backend.deployments())
        .filter(d => d.environment === 'dev')
        .map(d => d.id),
    ).toEqual(['argocd-main-parking-api-dev-20261207T080112Z']);
  });

  it('finishes a deployment in progress once the application turns healthy', async () => {
    const backend = await startArgoCdBackend({});
    await backend.readApplications();

    const staging = recordedApplication('parking-api-staging');
    staging.status.operationState.phase = 'Succeeded';
    staging.status.operationState.message =
      'successfully synced (all tasks run)';
    staging.status.operationState.finishedAt = '2026-12-07T08:15:41Z';
    staging.status.history.push({
      id: 18,
      revision: staging.status.operationState.syncResult.revision,
      deployStartedAt: '2026-12-07T08:15:30Z',
      deployedAt: '2026-12-07T08:15:41Z',
    });
    staging.status.sync.status = 'Synced';
    staging.status.health = {
      status: 'Healthy',
      lastTransitionTime: '2026-12-07T08:17:02Z',
    };
    staging.status.summary.images = [
      'ghcr.io/smart-city/parking-api:3f9c2a7b1d4e',
    ];
    argocd.holds('main', staging);
    await backend.readApplications();

    const [deployment] = (await backend.deployments()).filter(
      d => d.environment === 'staging',
    );
    expect(deployment).toMatchObject({
      id: 'argocd-main-parking-api-staging-20261207T081530Z',
      version: '3f9c2a7b1d4e',
      status: 'succeeded',
      finishedAt: '2026-12-07T08:17:02.000Z',
    });
  });

  it('records a sync that Argo CD could not apply as failed', async () => {
    const prod = recordedApplication('parking-api-prod');
    const revision = 'c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3';
    prod.status.operationState = {
      ...prod.status.operationState,
      operation: {
        ...prod.status.operationState.operation,
        sync: { revision },
      },
      syncResult: { ...prod.status.operationState.syncResult, revision },
      phase: 'Failed',
      message:
        'one or more objects failed to apply, reason: Deployment.apps "parking-api" is invalid',
      startedAt: '2026-12-07T10:00:00Z',
      finishedAt: '2026-12-07T10:00:04Z',
    };
    argocd.holds('main', prod);
    const backend = await startArgoCdBackend({});
    await backend.readApplications();

    expect(
      (await backend.deployments()).find(d => d.environment === 'prod'),
    ).toMatchObject({
      id: 'argocd-main-parking-api-prod-20261207T100000Z',
      commitSha: 'c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3',
      status: 'failed',
      finishedAt: '2026-12-07T10:00:04.000Z',
    });
  });

  it('reads the instance an annotation names, and a single application by its environment label', async () => {
    const lightingApi: Entity = {
      ...PARKING_API,
      metadata: {
        name: 'lighting-api',
        annotations: {
          'domain-delivery.io/argocd-app': 'eu/lighting-api',
          'domain-delivery.io/environments': 'staging,prod',
        },
      },
    };
    const lighting = recordedApplication('parking-api-prod');
    lighting.metadata.name = 'lighting-api';
    lighting.status.summary.images = [
      'ghcr.io/smart-city/lighting-api:5d4c3b2a1f0e',
    ];
    argocd.holds('eu', lighting);
    const backend = await startArgoCdBackend({
      entities: [PARKING_API, lightingApi],
    });
    await backend.readApplications();

    expect(await backend.deployments('component:default/lighting-api')).toEqual(
      [
        expect.objectContaining({
          id: 'argocd-eu-lighting-api-20261207T074510Z',
          environment: 'prod',
          version: '5d4c3b2a1f0e',
          url: 'https://argocd.eu.example.com/applications/lighting-api',
        }),
      ],
    );
    expect(argocd.requests).toContain('eu lighting-api');
    // The other entity's applications are read all the same.
    expect(await backend.deployments(PARKING_API_REF)).toHaveLength(3);
  });

  it('goes on with the other applications when one cannot be read', async () => {
    const backend = await startArgoCdBackend({
      argocd: {
        instances: [
          {
            name: 'main',
            url: 'https://argocd.example.com',
            token: 'main-token',
          },
        ],
      },
      entities: [
        PARKING_API,
        {
          ...PARKING_API,
          metadata: {
            name: 'unknown-api',
            annotations: {
              'domain-delivery.io/argocd-app': 'unknown-api-{environment}',
            },
          },
        },
        {
          ...PARKING_API,
          metadata: {
            name: 'elsewhere-api',
            annotations: {
              'domain-delivery.io/argocd-app': 'nowhere/elsewhere-api',
            },
          },
        },
      ],
    });
    await backend.readApplications();

    expect(await backend.deployments()).toHaveLength(3);
    expect(await backend.deployments('component:default/unknown-api')).toEqual(
      [],
    );
    // An instance that is not configured is not asked.
    expect(argocd.requests.filter(r => r.includes('elsewhere'))).toEqual([]);
  });

  it('is turned off with enabled: false, and off without instances', async () => {
    for (const argocdConfig of [
      {
        enabled: false,
        instances: [
          {
            name: 'main',
            url: 'https://argocd.example.com',
            token: 'main-token',
          },
        ],
      },
      {},
    ]) {
      const backend = await startArgoCdBackend({ argocd: argocdConfig });
      expect(
        (await backend.scheduler.getScheduledTasks()).map(task => task.id),
      ).not.toContain('delivery-argocd-applications');
      expect(await backend.deployments()).toEqual([]);
    }
    expect(argocd.requests).toEqual([]);
  });
});
