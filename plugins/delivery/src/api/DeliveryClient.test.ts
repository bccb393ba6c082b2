import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { DoraResponse } from '@domain-delivery/backstage-plugin-delivery-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DeliveryClient } from './DeliveryClient';

const baseUrl = 'http://backstage.test/api/delivery';

const doraAnswer: DoraResponse = {
  summary: {
    deployments: 12,
    deploymentFrequencyPerDay: 12 / 31,
    leadTimeMedianSeconds: 2 * 86400,
    leadTimeP90Seconds: 5 * 86400,
    leadTimeCommits: 30,
    failedDeployments: 1,
    changeFailureRate: 1 / 12,
    recoveryMedianSeconds: null,
    openFailures: 1,
    reworkRate: 0,
  },
  tiers: {
    deploymentFrequency: 'high',
    leadTime: 'high',
    changeFailureRate: 'high',
    recovery: null,
  },
  series: [],
};
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

  it('reads the history of several entities, a domain or an owner, filtered by status and time, in one request', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/deployments`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [] });
      }),
    );

    await client.getDeployments({
      entityRef: [
        'component:default/payments-api',
        'component:default/bike-api',
      ],
      domain: 'domain:default/smart-city',
      owner: 'group:default/team-a',
      status: ['failed', 'cancelled'],
      since: '2026-03-02T00:00:00.000Z',
    });

    expect(search!.getAll('entityRef')).toEqual([
      'component:default/payments-api',
      'component:default/bike-api',
    ]);
    expect(search!.get('domain')).toBe('domain:default/smart-city');
    expect(search!.get('owner')).toBe('group:default/team-a');
    expect(search!.getAll('status')).toEqual(['failed', 'cancelled']);
    expect(search!.get('since')).toBe('2026-03-02T00:00:00.000Z');

    await client.getDeployments({ status: 'failed' });
    expect([...search!.entries()]).toEqual([['status', 'failed']]);
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

  it('reads DORA for a scope and a window, with the series’ buckets in a time zone', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/dora`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json(doraAnswer);
      }),
    );

    const dora = await client.getDora({
      entityRef: 'group:default/team-smart-city',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      bucket: 'week',
      timeZone: 'Europe/Berlin',
    });

    expect(dora.tiers.leadTime).toBe('high');
    expect(Object.fromEntries(search!)).toEqual({
      entityRef: 'group:default/team-smart-city',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      bucket: 'week',
      timeZone: 'Europe/Berlin',
    });
  });

  it('reads the portal’s DORA without an entity', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/dora`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json(doraAnswer);
      }),
    );

    await client.getDora({ from: '2026-03-01', to: '2026-04-01' });

    expect(Object.fromEntries(search!)).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
    });
  });

  it('rates an entity with the DORA tiers of the last 30 days', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/dora`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json(doraAnswer);
      }),
    );

    const tiers = await client.getDoraTiers('domain:default/journey');

    expect(tiers).toEqual(doraAnswer.tiers);
    expect(search!.get('entityRef')).toBe('domain:default/journey');
    const days =
      (Date.parse(search!.get('to')!) - Date.parse(search!.get('from')!)) /
      (24 * 3600 * 1000);
    // 30 calendar days; a change of daylight saving time makes one 23 or 25 hours.
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(Date.parse(search!.get('to')!)).toBeLessThanOrEqual(Date.now());
  });

  describe('countOpenIncidents', () => {
    let searches: URLSearchParams[];
    beforeEach(() => {
      searches = [];
      server.use(
        http.get(`${baseUrl}/incidents`, ({ request }) => {
          searches.push(new URL(request.url).searchParams);
          return HttpResponse.json({ items: [], totalCount: 3 });
        }),
      );
    });

    it('asks the backend for the count of open incidents alone, in one request', async () => {
      await expect(
        client.countOpenIncidents('domain:default/journey'),
      ).resolves.toBe(3);
      expect(searches.map(search => Object.fromEntries(search))).toEqual([
        { entityRef: 'domain:default/journey', open: 'true', limit: '0' },
      ]);
    });

    it('answers nothing for other kinds, without asking the backend', async () => {
      await expect(
        client.countOpenIncidents('group:default/team-journey'),
      ).resolves.toBeUndefined();
      expect(searches).toEqual([]);
    });
  });

  describe('countPendingApprovals', () => {
    const waiting = (entityRef: string) => ({ id: entityRef, entityRef });
    let searches: URLSearchParams[];
    beforeEach(() => {
      searches = [];
      server.use(
        http.get(`${baseUrl}/promotions`, ({ request }) => {
          const search = new URL(request.url).searchParams;
          searches.push(search);
          const items = search.get('domain')
            ? [
                waiting('component:default/journey-planner-service'),
                waiting('component:default/timetable-service'),
              ]
            : [waiting(search.get('entityRef')!)];
          return HttpResponse.json({ items });
        }),
      );
    });

    it('counts a component’s promotions that wait for approval', async () => {
      await expect(
        client.countPendingApprovals('component:default/timetable-service'),
      ).resolves.toBe(1);
      expect(Object.fromEntries(searches[0])).toEqual({
        state: 'pending_approval',
        entityRef: 'component:default/timetable-service',
        limit: '200',
      });
    });

    it('counts those of a domain’s components through the domain filter', async () => {
      await expect(
        client.countPendingApprovals('domain:default/journey'),
      ).resolves.toBe(2);
      expect(Object.fromEntries(searches[0])).toEqual({
        state: 'pending_approval',
        domain: 'domain:default/journey',
        limit: '200',
      });
    });

    it('answers nothing for other kinds, without asking the backend', async () => {
      await expect(
        client.countPendingApprovals('group:default/team-journey'),
      ).resolves.toBeUndefined();
      expect(searches).toEqual([]);
    });
  });
});
