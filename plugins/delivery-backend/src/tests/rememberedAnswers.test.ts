import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { deploymentEvent, minutesIn } from '../__testUtils__/events';
import {
  component,
  entity,
  startDeliveryBackend,
} from '../__testUtils__/startDeliveryBackend';

jest.setTimeout(90_000);

const catalog = [
  entity('Domain', 'smart-city'),
  entity('System', 'parking', { domain: 'smart-city' }),
  component('parking-api', { system: 'parking' }),
  component('parking-worker', { system: 'parking' }),
];

let minute = 0;
const deployed = (name: string, environment: string, version: string) => {
  minute += 10;
  return deploymentEvent({
    id: `${name}-${environment}-${minute}`,
    entityRef: `component:default/${name}`,
    environment,
    version,
    commitSha: `sha-${minute}`,
    commits: [{ sha: `sha-${minute}`, committedAt: minutesIn(minute - 30) }],
    startedAt: minutesIn(minute - 5),
    finishedAt: minutesIn(minute),
  });
};

const entityRef = encodeURIComponent('component:default/parking-api');
// What a Deployments tab and a domain page read.
const PAGE_READS = [
  `/dora?entityRef=${entityRef}&from=2026-03-01&to=2026-03-08`,
  `/dora?entityRef=${encodeURIComponent(
    'domain:default/smart-city',
  )}&from=2026-03-01&to=2026-03-08`,
  '/domains/default/smart-city/matrix',
  '/entities/component/default/parking-api/environments',
  `/deployments?entityRef=${entityRef}&limit=20`,
];

// Statements that read the plugin's deployments or DORA tables.
const READS_DATA = /\b(deployments|deployment_commits|dora_\w+)\b/;

describe('answers kept on a replica (PostgreSQL)', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  let other: Knex | undefined;

  afterEach(async () => {
    await other?.destroy();
  });

  it('are served again while nothing changed and never after another replica wrote', async () => {
    const knex = await databases.init('POSTGRES_15');
    other = knexFactory(knex.client.config);
    const writer = await startDeliveryBackend({ entities: catalog, knex });
    const reader = await startDeliveryBackend({
      entities: catalog,
      knex: other,
    });
    const statements: string[] = [];
    other.on('query', ({ sql }: { sql: string }) => statements.push(sql));
    const readAll = async () => {
      const bodies = [];
      for (const path of PAGE_READS) {
        const response = await reader.get(path);
        expect(response.status).toBe(200);
        bodies.push(response.body);
      }
      return bodies;
    };

    expect(
      (
        await writer.postEvents([
          deployed('parking-api', 'dev', '1.0.0'),
          deployed('parking-api', 'staging', '1.0.0'),
          deployed('parking-api', 'prod', '1.0.0'),
          deployed('parking-worker', 'prod', '2.0.0'),
        ])
      ).status,
    ).toBe(200);

    const first = await readAll();
    expect(first[0].summary.deployments).toBe(1);
    statements.length = 0;
    // The same pages again: the same answers, without reading the data.
    await expect(readAll()).resolves.toEqual(first);
    expect(statements.filter(sql => READS_DATA.test(sql))).toEqual([]);

    // Another replica stores a deployment: every answer shows it at once.
    expect(
      (await writer.postEvents([deployed('parking-api', 'prod', '1.1.0')]))
        .status,
    ).toBe(200);
    const [entityDora, domainDora, matrix, environments, deployments] =
      await readAll();
    expect(entityDora.summary.deployments).toBe(2);
    expect(domainDora.summary.deployments).toBe(3);
    const parkingApi = matrix.rows.find(
      (row: { entityRef: string }) =>
        row.entityRef === 'component:default/parking-api',
    );
    expect(
      parkingApi.cells.find(
        (cell: { environment: string }) => cell.environment === 'prod',
      ).version,
    ).toBe('1.1.0');
    expect(
      environments.items.find(
        (item: { environment: { name: string } }) =>
          item.environment.name === 'prod',
      ).current.version,
    ).toBe('1.1.0');
    expect(deployments.items[0].version).toBe('1.1.0');
    // And they equal what the writer computes itself.
    for (const [index, path] of PAGE_READS.entries()) {
      const fresh = await writer.get(path);
      expect(
        [entityDora, domainDora, matrix, environments, deployments][index],
      ).toEqual(fresh.body);
    }
  });
});
