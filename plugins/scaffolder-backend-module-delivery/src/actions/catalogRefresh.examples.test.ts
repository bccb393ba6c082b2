import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import yaml from 'yaml';
import { mockActionContext } from '../__testUtils__/actionContext';
import { catalogOverHttp } from '../__testUtils__/catalogOverHttp';
import { createCatalogRefreshAction } from './catalogRefresh';
import { examples } from './catalogRefresh.examples';

describe('delivery:catalog:refresh examples', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("refreshes the local repositories' location from the first example", async () => {
    const refreshed: unknown[] = [];
    server.use(
      http.post(
        'http://localhost:0/api/catalog/refresh',
        async ({ request }) => {
          refreshed.push(await request.json());
          return new HttpResponse(null, { status: 200 });
        },
      ),
    );
    const action = createCatalogRefreshAction({
      catalog: catalogOverHttp(),
    });
    const { input } = yaml.parse(examples[0].example).steps[0];
    await action.handler(mockActionContext({ input }));
    expect(refreshed).toEqual([
      { entityRef: 'location:default/delivery-local-repositories' },
    ]);
  });
});
