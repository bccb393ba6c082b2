import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { join } from 'node:path';
import {
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

function inSystem(entity: Entity, system: string): Entity {
  return { ...entity, spec: { ...entity.spec, system } };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'smart-city' },
    spec: { owner: 'group:default/team-smart-city' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'journey' },
    spec: { owner: 'group:default/team-journey' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'mobility' },
    spec: { owner: 'group:default/team-smart-city', domain: 'smart-city' },
  },
  inSystem(smartCityComponent('parking-api'), 'mobility'),
  inSystem(smartCityComponent('bike-api'), 'system:default/mobility'),
  // Delivered like the others, but not part of any system of the domain.
  smartCityComponent('weather-api'),
];

describe('promotions of a domain', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => mockDir.clear());

  async function start() {
    const backend = await startPromotionBackend({
      entities,
      config: {
        delivery: {
          environments: environmentsConfig(),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
        },
      },
    });
    const history = ['parking-api', 'bike-api', 'weather-api'].flatMap(name => [
      deployed(name, 'staging', '1.1.0', 500),
      deployed(name, 'prod', '1.1.0', 400),
      deployed(name, 'staging', '1.2.0', 120),
    ]);
    expect((await backend.postEvents(history)).status).toBe(200);
    for (const name of ['parking-api', 'bike-api', 'weather-api']) {
      const requested = await backend.engineer.post('/promotions', {
        entityRef: `component:default/${name}`,
        environment: 'prod',
        version: '1.2.0',
        reason: 'Release',
      });
      expect(requested.status).toBe(201);
    }
    return backend;
  }

  it('lists only the promotions of the components in the domain’s systems', async () => {
    const { engineer } = await start();

    const pending = await engineer.get(
      '/promotions?state=pending_approval&domain=domain:default/smart-city',
    );

    expect(pending.status).toBe(200);
    expect(
      pending.body.items.map((p: { entityRef: string }) => p.entityRef).sort(),
    ).toEqual(['component:default/bike-api', 'component:default/parking-api']);
  });

  it('takes a domain by name, and lists none for a domain without components', async () => {
    const { engineer } = await start();

    const byName = await engineer.get('/promotions?domain=smart-city');
    expect(byName.body.items).toHaveLength(2);

    const empty = await engineer.get(
      '/promotions?domain=domain:default/journey',
    );
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
  });

  it('answers 404 for a domain the catalog does not have and 400 for another kind', async () => {
    const { engineer } = await start();

    const unknown = await engineer.get(
      '/promotions?domain=domain:default/nope',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'No entity domain:default/nope in the catalog',
    );

    const component = await engineer.get(
      '/promotions?domain=component:default/parking-api',
    );
    expect(component.status).toBe(400);
    expect(component.body.error.message).toMatch(
      /domain must name a Domain entity/,
    );
  });
});
