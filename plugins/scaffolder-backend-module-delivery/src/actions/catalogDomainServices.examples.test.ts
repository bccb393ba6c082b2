import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import yaml from 'yaml';
import { mockActionContext } from '../__testUtils__/actionContext';
import { catalogOverHttp } from '../__testUtils__/catalogOverHttp';
import { createCatalogDomainServicesAction } from './catalogDomainServices';
import { examples } from './catalogDomainServices.examples';
import { createHelmValuesAction } from './helmValues';

/** Fills in `${{ each.value.<field> }}` the way the scaffolder does for a step with `each`. */
function forEach(input: object, value: Record<string, unknown>): any {
  return JSON.parse(
    JSON.stringify(input).replace(
      /\$\{\{ each\.value\.(\w+) \}\}/g,
      (_, field) => String(value[field]),
    ),
  );
}

describe('delivery:catalog:domain-services examples', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const workspace = createMockDirectory();

  it("lists a domain's services and writes a values file for each, as the example's two steps do", async () => {
    server.use(
      http.get(
        'http://localhost:0/api/catalog/entities/by-query',
        ({ request }) => {
          const filter = new URL(request.url).searchParams.get('filter') ?? '';
          return HttpResponse.json({
            items: filter.startsWith('kind=system')
              ? [{ kind: 'System', metadata: { name: 'urban-mobility' } }]
              : ['traffic-flow-service', 'bike-share-service'].map(name => ({
                  kind: 'Component',
                  metadata: {
                    name,
                    annotations: { 'domain-delivery.io/service': name },
                  },
                  spec: { system: 'urban-mobility' },
                })),
            pageInfo: {},
          });
        },
      ),
    );
    const [find, write] = yaml.parse(examples[0].example).steps;
    const ctx = mockActionContext({
      workspacePath: workspace.path,
      input: find.input,
    });
    await createCatalogDomainServicesAction({
      catalog: catalogOverHttp(),
    }).handler(ctx);
    const services = ctx.output.mock.calls[0][1];
    expect(services).toHaveLength(2);

    const helm = createHelmValuesAction({
      config: new ConfigReader({
        delivery: {
          environments: [
            { name: 'dev' },
            { name: 'qa' },
            { name: 'prod', production: true },
          ],
        },
      }),
    });
    for (const service of services) {
      await helm.handler(
        mockActionContext({
          workspacePath: workspace.path,
          input: forEach(write.input, service),
        }),
      );
    }
    expect(workspace.content({ path: 'gitops/apps/smart-city' })).toEqual({
      'bike-share-service': { 'values-qa.yaml': expect.stringContaining('qa') },
      'traffic-flow-service': {
        'values-qa.yaml': expect.stringContaining('qa'),
      },
    });
  });
});
