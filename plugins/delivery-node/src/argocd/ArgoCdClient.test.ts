import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ArgoCdClient } from './ArgoCdClient';

const ARGOCD = 'https://argocd.example.com';

describe('ArgoCdClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ArgoCdClient({ baseUrl: `${ARGOCD}/`, token: 't0ken' });

  it('reads an application with the token', async () => {
    server.use(
      http.get(
        `${ARGOCD}/api/v1/applications/parking-api-prod`,
        ({ request }) =>
          request.headers.get('authorization') === 'Bearer t0ken'
            ? HttpResponse.json({
                metadata: { name: 'parking-api-prod', namespace: 'argocd' },
                status: {
                  sync: { status: 'Synced' },
                  health: { status: 'Healthy' },
                },
              })
            : new HttpResponse(null, { status: 401 }),
      ),
    );

    await expect(client.getApplication('parking-api-prod')).resolves.toEqual(
      expect.objectContaining({
        status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } },
      }),
    );
    expect(client.applicationUrl('parking-api-prod')).toBe(
      `${ARGOCD}/applications/parking-api-prod`,
    );
  });

  it('says an application the token may not see is not found, as Argo CD hides it behind 403', async () => {
    server.use(
      http.get(`${ARGOCD}/api/v1/applications/secret-app`, () =>
        HttpResponse.json(
          { error: 'permission denied', code: 7, message: 'permission denied' },
          { status: 403 },
        ),
      ),
    );

    await expect(client.getApplication('secret-app')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `Argo CD at ${ARGOCD} has no application secret-app that the token may read (403)`,
    });
  });

  it('says Argo CD is unavailable when it fails or cannot be reached', async () => {
    server.use(
      http.get(`${ARGOCD}/api/v1/applications/parking-api-prod`, () =>
        HttpResponse.json(
          { error: 'rpc error', code: 14, message: 'connection refused' },
          { status: 503 },
        ),
      ),
      http.get(`${ARGOCD}/api/v1/applications/unreachable`, () =>
        HttpResponse.error(),
      ),
    );

    await expect(
      client.getApplication('parking-api-prod'),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: `Argo CD answered GET ${ARGOCD}/api/v1/applications/parking-api-prod with 503: connection refused`,
    });
    await expect(client.getApplication('unreachable')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        `Argo CD at ${ARGOCD} could not be reached`,
      ),
    });
  });

  it('gives up on an instance that does not answer in time', async () => {
    server.use(
      http.get(`${ARGOCD}/api/v1/applications/slow`, async () => {
        await new Promise(resolve => setTimeout(resolve, 2_000));
        return HttpResponse.json({ metadata: { name: 'slow' } });
      }),
    );
    const impatient = new ArgoCdClient(
      { baseUrl: ARGOCD, token: 't0ken' },
      { timeoutMs: 50 },
    );

    await expect(impatient.getApplication('slow')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('could not be reached'),
    });
  });
});
