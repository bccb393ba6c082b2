import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DeliveryClient } from './DeliveryClient';

const baseUrl = 'http://backstage.test/api/delivery';
const server = setupServer();

describe('DeliveryClient', () => {
  registerMswTestHooks(server);

  const client = new DeliveryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi(),
  });

  it('reads an entity’s environments with every path segment encoded', async () => {
    let requested = '';
    server.use(
      http.get(
        `${baseUrl}/entities/:kind/:namespace/:name/environments`,
        ({ request }) => {
          requested = new URL(request.url).pathname;
          return HttpResponse.json({
            entityRef: 'component:team a/x',
            items: [],
          });
        },
      ),
    );

    await client.getEntityEnvironments('component:team a/pay#ments');

    expect(requested).toBe(
      '/api/delivery/entities/component/team%20a/pay%23ments/environments',
    );
  });

  it('lists deployments with the filters and the cursor as query parameters', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/deployments`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [], nextCursor: 'next' });
      }),
    );

    const page = await client.getDeployments({
      entityRef: 'component:default/payments-api',
      environment: 'prod',
      cursor: 'abc=',
      limit: 20,
    });

    expect(page.nextCursor).toBe('next');
    expect(Object.fromEntries(search!)).toEqual({
      entityRef: 'component:default/payments-api',
      environment: 'prod',
      cursor: 'abc=',
      limit: '20',
    });
  });

  it('reads a domain matrix by namespace and name', async () => {
    server.use(
      http.get(`${baseUrl}/domains/default/smart-city/matrix`, () =>
        HttpResponse.json({
          domainRef: 'domain:default/smart-city',
          environments: [],
          rows: [],
        }),
      ),
    );

    const matrix = await client.getDomainMatrix('domain:default/smart-city');

    expect(matrix.domainRef).toBe('domain:default/smart-city');
  });

  it('passes the backend’s error message on to the person', async () => {
    server.use(
      http.get(`${baseUrl}/deployments`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: "environment 'qa' is not a configured environment",
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    // ResponseErrorPanel shows the body's message to the person.
    await expect(
      client.getDeployments({ environment: 'qa' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: {
        error: { message: "environment 'qa' is not a configured environment" },
      },
    });
  });

  it('answers nothing yet for the signals that later issues add', async () => {
    await expect(
      client.countOpenIncidents('domain:default/journey'),
    ).resolves.toBeUndefined();
    await expect(
      client.countPendingApprovals('domain:default/journey'),
    ).resolves.toBeUndefined();
    await expect(
      client.getDoraTiers('domain:default/journey'),
    ).resolves.toBeUndefined();
  });
});
