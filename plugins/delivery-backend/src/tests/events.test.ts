import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deploymentEvent, incidentEvent } from '../__testUtils__/events';
import { permissionsDenyingEntities } from '../__testUtils__/readAccess';
import { startDeliveryBackend } from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const entityRef = 'component:default/parking-api';

describe('POST /events', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it('stores the valid events of a batch and names what is wrong with the others', async () => {
    const { postEvents, get } = await startDeliveryBackend();

    const response = await postEvents([
      deploymentEvent({ id: 'good-deployment' }),
      deploymentEvent({ id: 'no-finish', finishedAt: undefined }),
      incidentEvent({ id: 'good-incident' }),
      deploymentEvent({ id: 'in-qa', environment: 'qa' }),
      42,
      deploymentEvent({
        id: 'bad-commit',
        commits: [
          { sha: 'a', committedAt: '2026-03-01T10:00:00Z' },
          { sha: 'b', committedAt: '2026-03-01T10:00:00Z' },
          { sha: 'c', committedAt: 'last tuesday' },
        ],
      }),
    ]);

    expect(response.status).toBe(400);
    expect(response.body.response).toEqual({ statusCode: 400 });
    expect(response.body.error).toEqual({
      name: 'InputError',
      message: expect.stringMatching(
        /^4 of 6 events were rejected, the others were stored \(event 1: finishedAt is required; /,
      ),
      accepted: ['good-deployment', 'good-incident'],
      rejected: [
        {
          index: 1,
          id: 'no-finish',
          field: 'finishedAt',
          reason: 'is required',
        },
        {
          index: 3,
          id: 'in-qa',
          field: 'environment',
          reason:
            "'qa' is not a configured environment; configured are dev, staging, prod",
        },
        { index: 4, field: 'event', reason: 'must be a JSON object' },
        {
          index: 5,
          id: 'bad-commit',
          field: 'commits[2].committedAt',
          reason: expect.stringContaining('ISO 8601'),
        },
      ],
    });

    const history = await get(`/deployments?entityRef=${entityRef}`);
    expect(history.body.items.map((d: { id: string }) => d.id)).toEqual([
      'good-deployment',
    ]);
  });

  it('accepts a single event object and stores it once when sent twice', async () => {
    const { postEvents, get } = await startDeliveryBackend();
    const event = deploymentEvent({ entityRef: 'Component:Parking-API' });

    for (let i = 0; i < 2; i++) {
      const response = await postEvents(event);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ accepted: ['run-1-dev'], rejected: [] });
    }

    const history = await get(`/deployments?entityRef=${entityRef}`);
    expect(history.body.items).toEqual([
      {
        ...event,
        type: undefined,
        entityRef,
      },
    ]);
  });

  it('updates a deployment with a finished status, never back to in_progress', async () => {
    const { postEvents, get } = await startDeliveryBackend();
    const running = deploymentEvent({
      status: 'in_progress',
      finishedAt: undefined,
    });
    const status = async () =>
      (await get(`/deployments?entityRef=${entityRef}`)).body.items.map(
        (d: { status: string }) => d.status,
      );

    await postEvents([running]);
    expect(await status()).toEqual(['in_progress']);
    await postEvents([deploymentEvent({ status: 'failed' })]);
    expect(await status()).toEqual(['failed']);
    await postEvents([running]);
    expect(await status()).toEqual(['failed']);
  });

  it.each(databases.eachSupportedId())(
    'stores two batches carrying the same ids at once exactly once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { postEvents, get } = await startDeliveryBackend({ knex });
      const batch = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, i) =>
          deploymentEvent({
            id: `run-${String(from + i).padStart(4, '0')}`,
            finishedAt: `2026-03-02T11:${String((from + i) % 60).padStart(
              2,
              '0',
            )}:00Z`,
          }),
        );

      const responses = await Promise.all([
        postEvents(batch(0, 1000)),
        postEvents(batch(500, 1500).reverse()),
      ]);
      expect(responses.map(r => r.status)).toEqual([200, 200]);
      expect(responses[0].body.accepted).toHaveLength(1000);

      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await get(
          `/deployments?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        ids.push(...page.body.items.map((d: { id: string }) => d.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(ids).toHaveLength(1500);
      expect(new Set(ids).size).toBe(1500);
    },
  );

  it('refuses more than 1000 events, and a body over the size limit with 413', async () => {
    const { postEvents } = await startDeliveryBackend({
      config: { delivery: { events: { maxBodySize: '20kb' } } },
    });

    const tooMany = await postEvents(Array.from({ length: 1001 }, () => ({})));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toEqual({
      name: 'InputError',
      message: 'The body holds 1001 events; send at most 1000 per request',
    });

    const tooBig = await postEvents(
      Array.from({ length: 100 }, (_, i) =>
        deploymentEvent({ id: `run-${i}` }),
      ),
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message:
        'The body is larger than 20kb; send fewer events per request (at most 1000)',
    });
  });

  it('refuses a body that is not JSON with 400', async () => {
    const { server } = await startDeliveryBackend();
    const post = () =>
      require('supertest')(server)
        .post('/api/delivery/events')
        .set('Authorization', mockCredentials.service.header());

    const text = await post().set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe(
      'The body must be JSON, sent with Content-Type: application/json',
    );

    const broken = await post()
      .set('Content-Type', 'application/json')
      .send('{"type": "deployment",');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^The body is not valid JSON/);

    const scalar = await post()
      .set('Content-Type', 'application/json')
      .send('"deployment"');
    expect(scalar.status).toBe(400);
  });

  it('accepts services and users with the delivery.event.create permission', async () => {
    const { postEvents } = await startDeliveryBackend();
    const event = deploymentEvent();

    expect(
      (await postEvents(event, mockCredentials.none.header())).status,
    ).toBe(401);
    const asUser = await postEvents(event, mockCredentials.user.header());
    expect(asUser.status).toBe(200);

    const denied = await startDeliveryBackend({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const refused = await denied.postEvents(event);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      name: 'NotAllowedError',
      message: 'You may not report delivery events',
    });
  });
});

describe('POST /events for a reporter limited to some entities', () => {
  it('stores the events for its entities and rejects the others on entityRef', async () => {
    const other = 'component:default/payments-api';
    const { postEvents, get } = await startDeliveryBackend({
      features: [permissionsDenyingEntities(other).factory],
    });
    const own = deploymentEvent({ id: 'own', entityRef });
    const foreign = deploymentEvent({ id: 'foreign', entityRef: other });

    const asUser = mockCredentials.user.header();
    const mixed = await postEvents([own, foreign], asUser);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.accepted).toEqual(['own']);
    expect(mixed.body.error.rejected).toEqual([
      {
        index: 1,
        id: 'foreign',
        field: 'entityRef',
        reason: 'names an entity you may not report events for',
      },
    ]);

    const onlyForeign = await postEvents([foreign], asUser);
    expect(onlyForeign.status).toBe(403);
    expect(onlyForeign.body.error.message).toBe(
      `You may not report delivery events for ${other}`,
    );
    const stored = await get(`/deployments?entityRef=${entityRef}`);
    expect(stored.body.items.map((d: { id: string }) => d.id)).toEqual(['own']);
  });
});

describe('POST /events with a static external-access token', () => {
  it('accepts the token as a service, and refuses a wrong one', async () => {
    const { postEvents } = await startDeliveryBackend({
      config: {
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: 'ci-token-0123456789', subject: 'ci' },
              },
            ],
          },
        },
      },
      // The real auth services, which read backend.auth.externalAccess.
      features: [authServiceFactory, httpAuthServiceFactory],
    });

    const accepted = await postEvents(
      deploymentEvent(),
      'Bearer ci-token-0123456789',
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.accepted).toEqual(['run-1-dev']);

    const refused = await postEvents(deploymentEvent(), 'Bearer not-the-token');
    expect(refused.status).toBe(401);
  });
});
