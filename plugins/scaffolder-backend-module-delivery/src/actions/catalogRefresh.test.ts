import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockActionContext } from '../__testUtils__/actionContext';
import { catalogOverHttp } from '../__testUtils__/catalogOverHttp';
import { createCatalogRefreshAction } from './catalogRefresh';

describe('delivery:catalog:refresh', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const action = createCatalogRefreshAction({
    catalog: catalogOverHttp(),
  });
  let refreshed: Array<{ body: unknown; authorization: string | null }>;

  beforeEach(() => {
    refreshed = [];
    server.use(
      http.post(
        'http://localhost:0/api/catalog/refresh',
        async ({ request }) => {
          refreshed.push({
            body: await request.json(),
            authorization: request.headers.get('authorization'),
          });
          return new HttpResponse(null, { status: 200 });
        },
      ),
    );
  });

  it("asks the catalog, on the user's behalf, to process an entity now", async () => {
    const ctx = mockActionContext({
      input: { entityRef: 'location:default/delivery-local-repositories' },
    });
    await action.handler(ctx);
    expect(refreshed).toEqual([
      {
        body: { entityRef: 'location:default/delivery-local-repositories' },
        authorization: expect.stringMatching(/^Bearer .+/),
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'location:default/delivery-local-repositories',
    );
  });

  it('asks nothing in a dry run', async () => {
    await action.handler(
      mockActionContext({
        input: { entityRef: 'component:default/a' },
        isDryRun: true,
      }),
    );
    expect(refreshed).toEqual([]);
  });

  it("passes the catalog's refusal on", async () => {
    server.use(
      http.post('http://localhost:0/api/catalog/refresh', () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No entity location:default/x',
            },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(
      action.handler(
        mockActionContext({ input: { entityRef: 'location:default/x' } }),
      ),
    ).rejects.toThrow(/No entity location:default\/x/);
  });
});
