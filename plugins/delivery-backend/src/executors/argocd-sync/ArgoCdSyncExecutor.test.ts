import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { PromotionExecutionRequest } from '@domain-delivery/backstage-plugin-delivery-node';
import {
  anExecutionRequest,
  parkingApi,
} from '../../__testUtils__/executionRequest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ArgoCdSyncExecutor } from './ArgoCdSyncExecutor';

const ARGOCD = 'https://argocd.example.com';
const APP = `${ARGOCD}/api/v1/applications/parking-api-prod`;

const entity = parkingApi({
  'domain-delivery.io/argocd-app': 'parking-api-{environment}',
});

function request(
  executor: Record<string, unknown> = {},
): PromotionExecutionRequest {
  return anExecutionRequest(entity, {
    executor: {
      type: 'argocd-sync',
      baseUrl: `${ARGOCD}/`,
      token: 'argocd-token',
      pollIntervalSeconds: 0.01,
      timeoutSeconds: 2,
      ...executor,
    } as PromotionExecutionRequest['executor'],
  });
}

// Shaped like Argo CD's v1alpha1.Application (fields trimmed).
function application(
  operationState?: { phase: string; message?: string; startedAt?: string },
  operation?: object,
) {
  return {
    metadata: { name: 'parking-api-prod', namespace: 'argocd' },
    spec: {
      project: 'smart-city',
      source: {
        repoURL: 'https://github.com/acme/gitops',
        path: 'apps/smart-city/parking-api',
        targetRevision: 'main',
      },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: 'smart-city',
      },
    },
    ...(operation && { operation }),
    status: {
      sync: { status: 'Synced', revision: 'a1b2c3d4e5f6' },
      health: { status: 'Healthy' },
      ...(operationState && {
        operationState: {
          operation: { sync: { revision: 'a1b2c3d4e5f6' } },
          startedAt: new Date().toISOString(),
          syncResult: { revision: 'a1b2c3d4e5f6' },
          ...operationState,
        },
      }),
    },
  };
}

describe('ArgoCdSyncExecutor', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const executor = new ArgoCdSyncExecutor();

  it('asks for a sync and follows the operation until it succeeds', async () => {
    const seen: string[] = [];
    let polls = 0;
    server.use(
      http.post(`${APP}/sync`, async ({ request: req }) => {
        seen.push(
          `POST ${req.headers.get('authorization')} ${await req.text()}`,
        );
        return HttpResponse.json(application(undefined, { sync: {} }));
      }),
      http.get(APP, () => {
        polls++;
        if (polls === 1) {
          // The controller has not picked the operation up yet.
          return HttpResponse.json(
            application(
              { phase: 'Succeeded', startedAt: '2020-01-01T00:00:00Z' },
              { sync: {} },
            ),
          );
        }
        return HttpResponse.json(
          application({ phase: polls < 3 ? 'Running' : 'Succeeded' }),
        );
      }),
    );

    const result = await executor.execute(request());

    expect(seen).toEqual([
      'POST Bearer argocd-token {"prune":false,"dryRun":false}',
    ]);
    expect(polls).toBe(3);
    expect(result).toEqual({
      url: `${ARGOCD}/applications/parking-api-prod`,
      commitSha: 'a1b2c3d4e5f6',
      message: 'Argo CD synced parking-api-prod to revision a1b2c3d',
    });
  });

  it('fails with the operation message when the sync fails', async () => {
    server.use(
      http.post(`${APP}/sync`, () => HttpResponse.json(application())),
      http.get(APP, () =>
        HttpResponse.json(
          application({
            phase: 'Failed',
            message: 'one or more objects failed to apply',
          }),
        ),
      ),
    );
    await expect(executor.execute(request())).rejects.toThrow(
      'The Argo CD sync of parking-api-prod ended Failed: one or more objects failed to apply',
    );
  });

  it('gives up after the timeout', async () => {
    server.use(
      http.post(`${APP}/sync`, () => HttpResponse.json(application())),
      http.get(APP, () => HttpResponse.json(application({ phase: 'Running' }))),
    );
    await expect(
      executor.execute(request({ timeoutSeconds: 0.1 })),
    ).rejects.toThrow(
      'The Argo CD sync of parking-api-prod did not finish within 0.1 seconds (last phase: Running)',
    );
  });

  it('says what Argo CD refused', async () => {
    server.use(
      http.post(`${ARGOCD}/api/v1/applications/other-prod/sync`, () =>
        HttpResponse.json(
          {
            error: 'applications.argoproj.io "other-prod" not found',
            code: 5,
            message: 'applications.argoproj.io "other-prod" not found',
          },
          { status: 404 },
        ),
      ),
      http.post(`${APP}/sync`, () =>
        HttpResponse.json(
          { error: 'permission denied', code: 7, message: 'permission denied' },
          { status: 403 },
        ),
      ),
    );
    await expect(
      executor.execute(request({ appName: 'other-{environment}' })),
    ).rejects.toThrow(`Argo CD at ${ARGOCD} has no application other-prod`);
    await expect(executor.execute(request())).rejects.toThrow(
      `Argo CD answered POST ${APP}/sync with 403: permission denied`,
    );
  });

  it('names a missing option or annotation', async () => {
    await expect(executor.execute(request({ token: '' }))).rejects.toThrow(
      'The argocd-sync executor option token must be a non-empty string',
    );
    await expect(
      executor.execute({
        ...request(),
        entity: { ...entity, metadata: { name: 'x' } },
      }),
    ).rejects.toThrow('has no domain-delivery.io/argocd-app annotation');
  });
});
