import {
  DeliveryEvent,
  DeploymentEvent,
  DeploymentStatus,
  DeploymentTrigger,
  IncidentEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { Knex } from 'knex';
import { at } from './dora';

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
/** A seeded random, messy delivery history over three entities and a few days. */
export function randomHistory(seed: number): DeliveryEvent[] {
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

/** The DORA tables' rows, in order, timestamps as numbers. */
export async function snapshot(knex: Knex) {
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
