import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockActionContext } from '../__testUtils__/actionContext';
import { catalogOverHttp } from '../__testUtils__/catalogOverHttp';
import { createCatalogDomainServicesAction } from './catalogDomainServices';

const component = (
  name: string,
  system: string,
  annotations: Record<string, string>,
) => ({
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { system, owner: 'group:default/team-smart-city' },
});

describe('delivery:catalog:domain-services', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const action = createCatalogDomainServicesAction({
    catalog: catalogOverHttp(),
  });
  let queries: URLSearchParams[];

  beforeEach(() => {
    queries = [];
    server.use(
      http.get(
        'http://localhost:0/api/catalog/entities/by-query',
        ({ request }) => {
          const query = new URL(request.url).searchParams;
          queries.push(query);
          if (query.getAll('filter')[0]?.startsWith('kind=system')) {
            return HttpResponse.json({
              items: [
                {
                  kind: 'System',
                  metadata: { name: 'urban-mobility', namespace: 'default' },
                },
              ],
              totalItems: 1,
              pageInfo: {},
            });
          }
          // Two pages of components, as the catalog pages them.
          if (!query.get('cursor')) {
            return HttpResponse.json({
              items: [
                component('traffic-flow-service', 'urban-mobility', {
                  'domain-delivery.io/service': 'traffic-flow-service',
                  'domain-delivery.io/gitops-path':
                    '/apps/smart-city/traffic-flow-service/',
                  'domain-delivery.io/environments': 'dev, prod',
                }),
              ],
              totalItems: 2,
              pageInfo: { nextCursor: 'page-2' },
            });
          }
          return HttpResponse.json({
            items: [
              component('bike-share-service', 'urban-mobility', {
                'domain-delivery.io/service': 'bikes',
              }),
            ],
            totalItems: 2,
            pageInfo: {},
          });
        },
      ),
    );
  });

  it('lists the delivered services of a domain, with their GitOps folders', async () => {
    const ctx = mockActionContext({
      input: { domain: 'domain:default/smart-city' },
    });
    await action.handler(ctx);

    expect(queries[0].getAll('filter')).toEqual([
      'kind=system,relations.partOf=domain:default/smart-city',
    ]);
    expect(queries[1].getAll('filter')).toEqual([
      'kind=component,relations.partOf=system:default/urban-mobility,metadata.annotations.domain-delivery.io/service',
    ]);
    expect(queries[2].get('cursor')).toBe('page-2');
    expect(ctx.output).toHaveBeenCalledWith('services', [
      {
        entityRef: 'component:default/bike-share-service',
        name: 'bike-share-service',
        service: 'bikes',
        system: 'urban-mobility',
        owner: 'group:default/team-smart-city',
        gitopsPath: 'apps/smart-city/bikes',
        argocdApp: 'bikes-{environment}',
      },
      {
        entityRef: 'component:default/traffic-flow-service',
        name: 'traffic-flow-service',
        service: 'traffic-flow-service',
        system: 'urban-mobility',
        owner: 'group:default/team-smart-city',
        gitopsPath: 'apps/smart-city/traffic-flow-service',
        argocdApp: 'traffic-flow-service-{environment}',
        environments: ['dev', 'prod'],
      },
    ]);
  });

  it('reads the catalog in a dry run too, so the preview lists what a run would change', async () => {
    const ctx = mockActionContext({
      input: { domain: 'smart-city' },
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'services',
      expect.arrayContaining([
        expect.objectContaining({ name: 'traffic-flow-service' }),
      ]),
    );
  });

  it('answers no services for a domain without systems', async () => {
    server.use(
      http.get('http://localhost:0/api/catalog/entities/by-query', () =>
        HttpResponse.json({ items: [], totalItems: 0, pageInfo: {} }),
      ),
    );
    const ctx = mockActionContext({ input: { domain: 'experience' } });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('services', []);
  });
});
