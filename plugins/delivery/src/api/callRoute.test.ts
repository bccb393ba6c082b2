import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { callRoute } from './callRoute';

const baseUrl = 'http://backstage.test/api/delivery';
const server = setupServer();

describe('callRoute', () => {
  registerMswTestHooks(server);

  const apis = {
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
  };

  it('encodes every path parameter', async () => {
    let requested: string | undefined;
    server.use(
      http.get(`${baseUrl}/promotions/:id`, ({ request }) => {
        requested = new URL(request.url).pathname;
        return HttpResponse.json({ id: 'a/b c' });
      }),
    );
    await callRoute(apis, 'get', '/promotions/{id}', {
      path: { id: 'a/b c' },
    });
    expect(requested).toBe('/api/delivery/promotions/a%2Fb%20c');
  });

  it('throws the server answer as a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/environments`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no' } },
          { status: 403 },
        ),
      ),
    );
    await expect(callRoute(apis, 'get', '/environments')).rejects.toMatchObject(
      { name: 'ResponseError', statusCode: 403 },
    );
  });

  it('refuses to compile a call the spec does not describe', () => {
    const typeChecks = () => [
      // @ts-expect-error: no such route
      callRoute(apis, 'get', '/no-such-route'),
      // @ts-expect-error: GET /deployments has no `colour` parameter
      callRoute(apis, 'get', '/deployments', { query: { colour: 'red' } }),
      callRoute(apis, 'post', '/promotions', {
        // @ts-expect-error: a promotion request needs a version and a reason
        body: { entityRef: 'component:default/a', environment: 'dev' },
      }),
      // @ts-expect-error: the path parameter is `id`
      callRoute(apis, 'get', '/promotions/{id}', { path: { name: 'x' } }),
      // @ts-expect-error: /environments takes no body
      callRoute(apis, 'post', '/environments', { body: {} }),
    ];
    expect(typeChecks).toBeInstanceOf(Function);
  });
});
