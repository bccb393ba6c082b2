import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DeliveryEvent,
  DeploymentEvent,
  DeploymentStatus,
  DeploymentTrigger,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { at, createDora } from '../../__testUtils__/dora';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DoraDerivationSettings } from './DoraDerivationSettings';
import { rebuildDoraTables } from './rebuildDoraTables';

jest.setTimeout(180_000);

const settings: DoraDerivationSettings = {
  productionEnvironments: ['prod', 'prod-eu'],
  incidentAttributionWindowMs: 6 * 3_600_000,
};

const ENTITIES = ['a', 'b', 'c'].map(name => `component:default/${name}`);
const STATUSES: DeploymentStatus[] = [
  'succeeded',
  'succeeded',
  'succeeded',
  'failed',
  'cancelled',
  'in_progress',
];
const TRIGGERS: DeploymentTrigger[] = [
  'pipeline',
  'pipeline',
  'promotion',
  'rollback',
  'hotfix',
];

// A messy history: few entities and hours, so that deployments collide and
// neighbour each other; commits shared between deployments and entities;
// incidents named, unnamed, dangling and in other environments; then
// corrections of random earlier events.
function randomHistory(seed: number): DeliveryEvent[] {
  const random = new SeededRandom(seed);
  const hour = () => random.integer(0, 120) + random.pick([0, 0.5]);
  const commitTime = new Map<string, number>();
  const sha = () => `s${random.integer(0, 40)}`;
  const commits = () =>
    Array.from({ length: random.pick([0, 0, 1, 2, 3]) }, () => {
      const value = sha();
      if (!commitTime.has(value) || random.chance(0.1)) {
        commitTime.set(value, hour() - 30);
      }
      return { sha: value, committedAt: at(commitTime.get(value)!) };
    });
  const deployment = (id: string): DeploymentEvent => {
    const status = random.pick(STATUSES);
    const finished = hour();
    return {
      type: 'deployment',
      id,
      entityRef: random.pick(ENTITIES),
      environment: random.pick(['prod', 'prod', 'prod-eu', 'dev']),
      version: id,
      commitSha: sha(),
      commits: commits(),
      status,
      trigger: random.pick(TRIGGERS),
      startedAt: at(finished - 1),
      ...(status !== 'in_progress' && { finishedAt: at(finished) }),
    };
  };
  const incident = (id: string): IncidentEvent => {
    const opened = hour();
    return {
      type: 'incident',
      id,
      entityRef: random.pick(ENTITIES),
      environment: random.pick(['prod', 'prod', 'prod-eu', 'dev']),
      openedAt: at(opened),
      ...(random.chance(0.7) && {
        resolvedAt: at(opened + random.integer(0, 30)),
      }),
      ...(random.chance(0.3) && {
        deploymentId: `d${random.integer(0, 70)}`,
      }),
    };
  };

  const events: DeliveryEvent[] = [
    ...Array.from({ length: 60 }, (_, i) => deployment(`d${i}`)),
    ...Array.from({ length: 25 }, (_, i) => incident(`i${i}`)),
  ];
  // Corrections: same ids, other contents.
  for (let i = 0; i < 40; i++) {
    events.push(
      random.chance(0.7)
        ? deployment(`d${random.integer(0, 59)}`)
        : incident(`i${random.integer(0, 24)}`),
    );
  }
  return events;
}

async function snapshot(knex: Knex) {
  const numbers = (row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === 'string' && /_at$/.test(key) ? Number(value) : value,
      ]),
    );
  return {
    deployments: (await knex('dora_deployments').orderBy('deployment_id')).map(
      numbers,
    ),
    incidents: (await knex('dora_incidents').orderBy('incident_id')).map(
      numbers,
    ),
    commits: (await knex('dora_commits').orderBy(['entity_ref', 'sha'])).map(
      numbers,
    ),
  };
}

describe('deriveIngested', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'leaves the same tables as a rebuild from scratch, whatever the order of events, %p',
    async databaseId => {
      const { knex, ingest } = await createDora(databases, databaseId, {
        settings,
      });
      for (let seed = 1; seed <= 6; seed++) {
        await knex('dora_commits').delete();
        await knex('dora_incidents').delete();
        await knex('dora_deployments').delete();
        await knex('deployment_commits').delete();
        await knex('incidents').delete();
        await knex('deployments').delete();

        const random = new SeededRandom(1000 + seed);
        const events = randomHistory(seed);
        for (let start = 0; start < events.length; ) {
          const size = random.integer(1, 12);
          await ingest(events.slice(start, start + size));
          start += size;
        }
        const incremental = await snapshot(knex);
        expect(incremental.deployments.length).toBeGreaterThan(10);

        await knex.transaction(tx => rebuildDoraTables(tx, settings));
        expect(incremental).toEqual(await snapshot(knex));
      }
    },
  );

  it('gives the same numbers on every database', async () => {
    const answers = [];
    for (const [databaseId] of databases.eachSupportedId()) {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
        entities: [],
      });
      for (let seed = 1; seed <= 3; seed++) {
        await ingest(randomHistory(100 + seed));
      }
      answers.push(
        await dora({
          entityRef: null,
          from: '2026-03-02T06:00:00Z',
          to: '2026-03-07',
          timeZone: 'America/New_York',
        }),
        await dora({
          entityRef: null,
          from: '2026-03-01',
          to: '2026-03-15',
          bucket: 'week',
        }),
      );
    }
    expect(answers[0].summary.deployments).toBeGreaterThan(20);
    for (let i = 2; i < answers.length; i++) {
      expect(answers[i]).toEqual(answers[i % 2]);
    }
  });
});
