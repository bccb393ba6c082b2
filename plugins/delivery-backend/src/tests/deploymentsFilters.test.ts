import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DeploymentEvent,
  DeploymentStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import { startDeliveryBackend } from '../__testUtils__/startDeliveryBackend';
import {
  bike,
  catalog,
  parking,
  q,
  weather,
} from '../__testUtils__/deploymentFilterCatalog';
import {
  permissionsDenyingEntities,
  readDeploymentPages,
} from '../__testUtils__/readAccess';

jest.setTimeout(60_000);

const entities = [parking, bike, weather];
const statuses: DeploymentStatus[] = ['succeeded', 'failed', 'cancelled'];

// 30 finished deployments, each entity and status in turn, two per 10
// minutes so that ties are broken by id; and two in progress, one started
// before minute 100 and one after.
const history: DeploymentEvent[] = [
  ...Array.from({ length: 30 }, (_, i) =>
    deploymentEvent({
      id: `run-${String(i).padStart(2, '0')}`,
      entityRef: entities[i % 3],
      environment: i % 4 ? 'dev' : 'prod',
      status: statuses[Math.floor(i / 3) % 3],
      startedAt: minutesIn(Math.floor(i / 2) * 10),
      finishedAt: minutesIn(Math.floor(i / 2) * 10 + 5),
    }),
  ),
  deploymentEvent({
    id: 'running-early',
    entityRef: bike,
    status: 'in_progress',
    startedAt: minutesIn(99),
    finishedAt: undefined,
  }),
  deploymentEvent({
    id: 'running-late',
    entityRef: parking,
    status: 'in_progress',
    startedAt: minutesIn(100),
    finishedAt: undefined,
  }),
];

const timeOf = (d: DeploymentEvent) => d.finishedAt ?? d.startedAt;

/** The ids the history should list, newest first, of those `keep` keeps. */
function expected(keep: (d: DeploymentEvent) => boolean): string[] {
  return history
    .filter(keep)
    .sort(
      (a, b) => timeOf(b).localeCompare(timeOf(a)) || b.id.localeCompare(a.id),
    )
    .map(d => d.id);
}

const denyBike = permissionsDenyingEntities(bike);

describe('GET /deployments filters', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(
    databaseId: Parameters<typeof databases.init>[0],
    options: Parameters<typeof startDeliveryBackend>[0] = {},
  ) {
    const backend = await startDeliveryBackend({
      entities: catalog,
      knex: await databases.init(databaseId),
      ...options,
    });
    expect((await backend.postEvents(history)).status).toBe(200);
    return backend;
  }

  it.each(databases.eachSupportedId())(
    'lists several entities in one history, paged across them, %p',
    async databaseId => {
      const { get } = await start(databaseId);

      const pages = await readDeploymentPages(
        get,
        `${q('entityRef', parking)}&${q(
          'entityRef',
          'Component:Bike-API',
        )}&limit=4`,
      );

      const both = expected(d => d.entityRef !== weather);
      expect(pages.flat()).toEqual(both);
      expect(pages.map(page => page.length)).toEqual([4, 4, 4, 4, 4, 2]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists a domain’s or an owner’s deployments, combined with other filters, %p',
    async databaseId => {
      const { get } = await start(databaseId);

      expect(
        (
          await readDeploymentPages(
            get,
            `${q('domain', 'domain:default/smart-city')}&limit=5`,
          )
        ).flat(),
      ).toEqual(expected(d => d.entityRef !== weather));
      expect(
        (
          await readDeploymentPages(
            get,
            `${q('owner', 'group:default/weather-team')}`,
          )
        ).flat(),
      ).toEqual(expected(d => d.entityRef === weather));

      // Every filter given must match: the domain's failures in dev of one entity.
      expect(
        (
          await readDeploymentPages(
            get,
            `${q('domain', 'domain:default/smart-city')}&${q(
              'entityRef',
              bike,
            )}&${q(
              'entityRef',
              weather,
            )}&status=failed&environment=dev&limit=2`,
          )
        ).flat(),
      ).toEqual(
        expected(
          d =>
            d.entityRef === bike &&
            d.status === 'failed' &&
            d.environment === 'dev',
        ),
      );
      // A domain and an owner with no entity in common.
      expect(
        (
          await get(
            `/deployments?${q('domain', 'domain:default/smart-city')}&${q(
              'owner',
              'group:default/weather-team',
            )}`,
          )
        ).body,
      ).toEqual({ items: [] });
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by one or more statuses and by since, across pages, %p',
    async databaseId => {
      const { get } = await start(databaseId);

      const failed = await readDeploymentPages(get, 'status=failed&limit=3');
      expect(failed.flat()).toEqual(expected(d => d.status === 'failed'));
      expect(failed.flat()).toHaveLength(9);

      expect(
        (
          await readDeploymentPages(
            get,
            'status=failed&status=in_progress&limit=4',
          )
        ).flat(),
      ).toEqual(
        expected(d => d.status === 'failed' || d.status === 'in_progress'),
      );

      // Finished at or after minute 100 (run-20 finished at 105, run-18 at
      // 95), or in progress and started at or after it (running-late, not
      // running-early).
      const since = minutesIn(100);
      const recent = (
        await readDeploymentPages(get, `${q('since', since)}&limit=4`)
      ).flat();
      expect(recent).toEqual(expected(d => timeOf(d) >= since));
      expect(recent).toContain('running-late');
      expect(recent).not.toContain('running-early');
      // "At or after": a deployment that finished exactly then counts.
      expect(
        (await readDeploymentPages(get, q('since', minutesIn(145)))).flat(),
      ).toEqual(['run-29', 'run-28']);

      expect(
        (
          await readDeploymentPages(
            get,
            `${q('since', since)}&status=failed&${q('entityRef', parking)}&${q(
              'entityRef',
              weather,
            )}&limit=1`,
          )
        ).flat(),
      ).toEqual(
        expected(
          d =>
            timeOf(d) >= since && d.status === 'failed' && d.entityRef !== bike,
        ),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves out the entities the caller may not read, %p',
    async databaseId => {
      const { get } = await start(databaseId, {
        features: [denyBike.factory],
      });

      const readableOnly = expected(d => d.entityRef === parking);
      expect(
        (
          await readDeploymentPages(
            get,
            `${q('entityRef', parking)}&${q('entityRef', bike)}&limit=3`,
          )
        ).flat(),
      ).toEqual(readableOnly);
      expect(
        (
          await readDeploymentPages(
            get,
            `${q('domain', 'domain:default/smart-city')}&limit=3`,
          )
        ).flat(),
      ).toEqual(readableOnly);
      expect(
        (await readDeploymentPages(get, 'status=failed&limit=2')).flat(),
      ).toEqual(expected(d => d.entityRef !== bike && d.status === 'failed'));

      // One entity named alone is refused, as before.
      const alone = await get(`/deployments?${q('entityRef', bike)}`);
      expect(alone.status).toBe(403);
      expect(alone.body.error.name).toBe('NotAllowedError');
    },
  );
});
