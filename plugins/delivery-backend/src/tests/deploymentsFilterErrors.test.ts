import { catalog, parking, q } from '../__testUtils__/deploymentFilterCatalog';
import { startDeliveryBackend } from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

describe('GET /deployments filters, refused', () => {
  const tooMany = Array.from({ length: 101 }, (_, i) =>
    q('entityRef', `component:default/service-${i}`),
  ).join('&');

  it.each([
    [
      '101 entities',
      tooMany,
      /^request\/query\/entityRef must NOT have more than 100 items/,
    ],
    [
      'a bad one of several entities',
      `${q('entityRef', parking)}&entityRef=parking-api`,
      /^entityRef must be an entity ref/,
    ],
    [
      'an unknown status',
      'status=done',
      /^request\/query\/status\/0 must be equal to one of the allowed values/,
    ],
    [
      'a since that is no time',
      'since=yesterday',
      /^since must be an ISO 8601 timestamp/,
    ],
    [
      'a domain without a kind',
      'domain=smart-city',
      /^domain must be an entity ref with a kind/,
    ],
    [
      'a domain that is a component',
      q('domain', parking),
      /^domain must be a domain; got kind 'component'/,
    ],
    [
      'an owner that is a domain',
      q('owner', 'domain:default/smart-city'),
      /^owner must be a group; got kind 'domain'/,
    ],
  ])('refuses %s with 400 naming the parameter', async (_, query, message) => {
    const { get } = await startDeliveryBackend({ entities: catalog });

    const response = await get(`/deployments?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(message);
  });

  it('answers 404 for a domain or owner the catalog does not have', async () => {
    const { get } = await startDeliveryBackend({ entities: catalog });

    for (const query of [
      q('domain', 'domain:default/nowhere'),
      q('owner', 'group:default/nobody'),
    ]) {
      const response = await get(`/deployments?${query}`);
      expect(response.status).toBe(404);
      expect(response.body.error.name).toBe('NotFoundError');
    }
  });
});
