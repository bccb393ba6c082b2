import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  DeliveryEvent,
  DeploymentEvent,
  DoraSummary,
  IncidentEvent,
} from '@internal/backstage-plugin-delivery-common';
import { catalogComponent, createDora } from '../__testUtils__/dora';
import {
  RefDoraSummary,
  RefSettings,
  referenceDoraSummary,
} from '../__testUtils__/referenceDora';
import { SeededRandom } from '../demo/seededRandom';

// A differential test: seeded random delivery histories, sent in a shuffled
// order and in several batches, must give the same DORA summary as the naive
// reference implementation in __testUtils__/referenceDora.ts (written from
// PRODUCT.md alone), for every entity and for pooled scopes.
//
// Reproduce one scenario with DORA_REFERENCE_SEED=<seed> and
// DORA_REFERENCE_SCENARIOS=1; DORA_REFERENCE_SCENARIOS (SQLite, default 200)
// and DORA_REFERENCE_POSTGRES_SCENARIOS (default 15) run more.

const SQLITE_SCENARIOS = Number(process.env.DORA_REFERENCE_SCENARIOS ?? 200);
const POSTGRES_SCENARIOS = Number(
  process.env.DORA_REFERENCE_POSTGRES_SCENARIOS ??
    Math.min(SQLITE_SCENARIOS, 15),
);
const FIRST_SEED = Number(process.env.DORA_REFERENCE_SEED ?? 1);

// ~0.1 s a scenario, plus time to shrink a failing one
jest.setTimeout(
  120_000 + Math.max(SQLITE_SCENARIOS, POSTGRES_SCENARIOS) * 1_000,
);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-03-02T00:00Z; the histories run to mid-April, across the EU summer-time switch. */
const BASE = Date.UTC(2026, 2, 2);
const iso = (minutes: number) =>
  new Date(BASE + minutes * MINUTE).toISOString();
const isoDate = (day: number) => iso(day * 24 * 60).slice(0, 10);

interface Scenario {
  seed: number;
  settings: RefSettings & { incidentAttributionWindowMs: number };
  entities: { name: string; owner: string }[];
  /** The events in arrival order, split into the batches they are sent in. */
  batches: DeliveryEvent[][];
  windows: { from: string; to: string; timeZone?: string }[];
}

const entityRef = (name: string) => `component:default/${name}`;

function generate(seed: number): Scenario {
  const random = new SeededRandom(seed);
  const production = random.chance(0.3) ? ['prod', 'prod-eu'] : ['prod'];
  const attributionMs = random.pick([DAY, DAY, 6 * HOUR, 90 * MINUTE]);
  const entityCount = random.integer(1, 3);
  const entities = Array.from({ length: entityCount }, (_, k) => ({
    name: `svc-${k}`,
    owner: k % 2 === 0 ? 'group:default/team-a' : 'group:default/team-b',
  }));

  // Each event with the reports of it, in the order they are sent (the later
  // reports of one event keep their order; different events interleave).
  const reports: DeliveryEvent[][] = [];
  let shaCounter = 0;
  const newSha = () => `c${seed}-${shaCounter++}`;
  /** Every commit time, for a head commit that some event lists. */
  const commitTimes = new Map<string, number>();
  const listCommit = (sha: string) => ({
    sha,
    committedAt: iso(commitTimes.get(sha)!),
  });
  const makeCommit = (beforeMinute: number) => {
    const sha = newSha();
    commitTimes.set(sha, beforeMinute - random.integer(1, 3 * 24 * 60));
    return sha;
  };
  const otherEntityShas: string[] = [];

  for (const entity of entities) {
    const ref = entityRef(entity.name);
    const count = random.integer(5, 25);
    let t = random.integer(-4 * 24 * 60, 2 * 24 * 60);
    let previous: string[] = [];
    const prodFinished: { id: string; minute: number }[] = [];
    const deployment = (
      id: string,
      overrides: Partial<DeploymentEvent>,
    ): DeploymentEvent => ({
      type: 'deployment',
      id,
      entityRef: ref,
      environment: 'prod',
      version: id,
      commitSha: newSha(),
      status: 'succeeded',
      trigger: 'pipeline',
      startedAt: iso(t - 5),
      finishedAt: iso(t),
      ...overrides,
    });

    for (let i = 0; i < count; i++) {
      // now and then at the very same time as the entity's previous one
      t += random.chance(0.03)
        ? 0
        : Math.max(
            1,
            Math.round(
              random.pick([5, 30, 120, 600, 1440, 2880]) *
                random.between(0.2, 1.6),
            ),
          );
      const id = `${entity.name}-p${i}`;
      const environment =
        production.length > 1 && random.chance(0.3) ? 'prod-eu' : 'prod';
      let trigger: DeploymentEvent['trigger'] = 'rollback';
      if (!random.chance(0.12)) {
        trigger = random.chance(0.09)
          ? 'hotfix'
          : random.pick(['pipeline', 'promotion'] as const);
      }

      // The commits it brings: new ones, some of the previous deployment's
      // again, now and then another entity's; or none but a head commit that
      // another event lists (or that nobody lists).
      let commits: DeploymentEvent['commits'];
      let commitSha: string;
      const r = random.next();
      if (r < 0.12) {
        // head commit known from a staging deployment (of this entity or,
        // rarely, another one)
        commitSha = makeCommit(t);
        const stagingAt = t - random.integer(1, 600);
        reports.push([
          {
            ...deployment(`${id}-staging`, {
              environment: 'staging',
              commitSha,
              commits: [listCommit(commitSha)],
              startedAt: iso(stagingAt - 5),
              finishedAt: iso(stagingAt),
            }),
            ...(random.chance(0.2) && {
              entityRef: entityRef('svc-elsewhere'),
            }),
          },
        ]);
        commits = random.chance(0.5) ? undefined : [];
        previous = [commitSha]; // the next one may list it again
      } else if (r < 0.17) {
        commitSha =
          random.chance(0.5) || previous.length === 0
            ? newSha() // nobody lists it
            : random.pick(previous); // deployed before
        commits = random.chance(0.5) ? undefined : [];
      } else {
        const now = t;
        const fresh = Array.from({ length: random.integer(1, 3) }, () =>
          makeCommit(now),
        );
        const again = previous.filter(() => random.chance(0.35));
        const foreign =
          otherEntityShas.length > 0 && random.chance(0.08)
            ? [random.pick(otherEntityShas)]
            : [];
        const shas = [...new Set([...again, ...foreign, ...fresh])];
        commits = shas.map(listCommit);
        commitSha = shas[shas.length - 1];
        if (random.chance(0.02)) {
          commits.push(listCommit(shas[0])); // listed twice
        }
        if (random.chance(0.04)) {
          // a head commit that it does not list, known from a dev deployment
          commitSha = makeCommit(t);
          reports.push([
            deployment(`${id}-head`, {
              environment: 'dev',
              commitSha,
              commits: [listCommit(commitSha)],
              finishedAt: iso(t - 1),
            }),
          ]);
        }
        if (random.chance(0.03)) {
          // another event that gives one of its commits another time
          reports.push([
            deployment(`${id}-other-time`, {
              environment: 'dev',
              commits: [
                {
                  sha: shas[0],
                  committedAt: iso(
                    commitTimes.get(shas[0])! + random.integer(-600, 600),
                  ),
                },
              ],
              finishedAt: iso(t - 2),
            }),
          ]);
        }
        if (random.chance(0.02)) {
          // a commit made after the deployment finished (a clock skew)
          const sha = newSha();
          commitTimes.set(sha, t + random.integer(1, 30));
          commits.push(listCommit(sha));
        }
        previous = fresh;
        otherEntityShas.push(...fresh);
      }

      const final = deployment(id, {
        environment,
        trigger,
        commitSha,
        ...(commits !== undefined && { commits }),
      });
      const versions: DeliveryEvent[] = [];
      if (random.chance(0.03)) {
        // first reported for another environment (or entity)
        versions.push({
          ...final,
          ...(random.chance(0.5)
            ? { environment: 'staging' }
            : { entityRef: entityRef('svc-elsewhere') }),
        });
      }
      // earlier reports: running (never replaces the finished one), or a
      // finished report with a wrong time that the final one corrects
      const running: DeliveryEvent = {
        ...final,
        status: 'in_progress',
        finishedAt: undefined,
        commits: random.chance(0.5) ? [] : final.commits,
      };
      const lateRunning = random.chance(0.1);
      if (!lateRunning && random.chance(0.25)) {
        versions.push(running);
      }
      if (random.chance(0.05)) {
        versions.push({
          ...final,
          finishedAt: new Date(
            BASE +
              (t + random.integer(-300, 300) * random.pick([1, 1, 10])) *
                MINUTE +
              17_000,
          ).toISOString(),
          trigger: random.pick(['pipeline', 'rollback', 'hotfix'] as const),
        });
      }
      versions.push(final);
      if (random.chance(0.08)) {
        versions.push(final); // sent twice
      }
      if (lateRunning) {
        versions.push(running); // a late running report: ignored
      }
      // sometimes corrected to failed afterwards
      const correctedToFailed = random.chance(0.04);
      if (correctedToFailed) {
        versions.push({ ...final, status: 'failed' });
      }
      reports.push(versions);
      if (!correctedToFailed) {
        prodFinished.push({ id, minute: t });
      }

      // production deployments that are no deployment: failed, cancelled,
      // still running; and non-production ones
      if (random.chance(0.15)) {
        const at = t + random.integer(1, 20);
        const sha = makeCommit(at);
        reports.push([
          deployment(`${id}-x`, {
            status: random.pick(['failed', 'cancelled'] as const),
            trigger: random.pick(['pipeline', 'rollback', 'hotfix'] as const),
            commitSha: sha,
            commits: [listCommit(sha)],
            startedAt: iso(at - 5),
            finishedAt: iso(at).replace('.000Z', '.500Z'),
          }),
        ]);
        previous = [...previous, sha];
      }
      if (random.chance(0.05)) {
        reports.push([
          deployment(`${id}-running`, {
            status: 'in_progress',
            trigger: random.pick(['pipeline', 'rollback'] as const),
            finishedAt: undefined,
          }),
        ]);
      }
      if (random.chance(0.1)) {
        const at = t + random.integer(1, 60);
        reports.push([
          deployment(`${id}-dev`, {
            environment: random.pick(['dev', 'staging']),
            trigger: random.pick(['pipeline', 'rollback', 'hotfix'] as const),
            commits: [listCommit(makeCommit(at))],
            startedAt: iso(at - 5),
            finishedAt: iso(at).replace('.000Z', '.250Z'),
          }),
        ]);
      }
    }

    // incidents
    let incidentCounter = 0;
    const incident = (overrides: Partial<IncidentEvent>): IncidentEvent => ({
      type: 'incident',
      id: `${entity.name}-i${incidentCounter++}`,
      entityRef: ref,
      environment: random.pick(production),
      openedAt: iso(0),
      ...overrides,
    });
    const withResolution = (event: IncidentEvent, openedMinute: number) => {
      if (random.chance(0.25)) {
        return [event]; // still open
      }
      const resolved = {
        ...event,
        resolvedAt: iso(openedMinute + random.integer(1, 3000)),
      };
      const versions: DeliveryEvent[] = [];
      if (random.chance(0.05)) {
        // first reported against another deployment, or none
        versions.push({
          ...event,
          deploymentId: event.deploymentId ? undefined : 'svc-0-p1',
          resolvedAt: iso(openedMinute + random.integer(1, 3000)),
        });
      }
      if (random.chance(0.4)) versions.push(event); // first reported open
      if (random.chance(0.1)) {
        versions.push({
          ...event,
          resolvedAt: iso(openedMinute + random.integer(1, 3000)),
        }); // a resolution the final report corrects
      }
      versions.push(resolved);
      if (random.chance(0.1)) versions.push(event); // a late open report
      return versions;
    };
    prodFinished.forEach(({ id, minute }, k) => {
      const next = prodFinished[k + 1];
      if (random.chance(0.15)) {
        // an incident that names the deployment
        // (now and then opened before it finished: it names it all the same)
        const opened = random.chance(0.1)
          ? minute - random.integer(0, 60)
          : minute + random.integer(1, 600);
        reports.push(
          withResolution(
            incident({
              deploymentId: id,
              openedAt: iso(opened),
              ...(random.chance(0.05) && {
                entityRef: entityRef('svc-elsewhere'),
              }),
              ...(random.chance(0.05) && { environment: 'staging' }),
            }),
            opened,
          ),
        );
      }
      if (random.chance(0.25)) {
        // an incident that names nothing, somewhere after the deployment;
        // now and then exactly on a boundary
        const w = attributionMs / MINUTE;
        const b = random.next();
        let opened: number;
        if (b < 0.1) {
          opened = minute + w; // exactly at the end of the attribution window
        } else if (b < 0.13 && next) {
          opened = next.minute; // exactly when the next one finished
        } else if (b < 0.16) {
          opened = minute; // exactly when it finished
        } else {
          opened = minute + random.integer(1, Math.round(2 * w));
        }
        reports.push(
          withResolution(incident({ openedAt: iso(opened) }), opened),
        );
      }
    });
    if (random.chance(0.3)) {
      // a staging incident, and incidents naming what is no deployment
      const opened = t - random.integer(0, 3000);
      reports.push([
        incident({ environment: 'staging', openedAt: iso(opened) }),
      ]);
      reports.push([
        incident({
          deploymentId: random.chance(0.5)
            ? 'no-such-deployment'
            : `${entity.name}-p0-staging`,
          openedAt: iso(opened + 1),
        }),
      ]);
    }
  }

  // Arrival: a random interleaving that keeps each event's reports in order
  // (the record rules make the result depend on it), then batches.
  const queues = reports.map(versions => [...versions]);
  const arrival: DeliveryEvent[] = [];
  while (queues.length > 0) {
    const index = random.integer(0, queues.length - 1);
    arrival.push(queues[index].shift()!);
    if (queues[index].length === 0) {
      queues.splice(index, 1);
    }
  }
  // (now and then every event on its own, as one-at-a-time pushes)
  let batches: DeliveryEvent[][] = arrival.map(event => [event]);
  if (!random.chance(0.05)) {
    const cuts = Array.from({ length: random.integer(0, 4) }, () =>
      random.integer(0, arrival.length),
    ).sort((a, b) => a - b);
    batches = [];
    let start = 0;
    for (const cut of [...cuts, arrival.length]) {
      batches.push(arrival.slice(start, cut));
      start = cut;
    }
  }

  // Windows that cut through the history: whole UTC days, local days in
  // Berlin (across the summer-time switch) and odd hours.
  const windows: Scenario['windows'] = [];
  for (let w = 0; w < 2; w++) {
    const firstDay = random.integer(-3, 30);
    const length = random.integer(1, 20);
    const kind = random.next();
    if (kind < 0.6) {
      windows.push({ from: isoDate(firstDay), to: isoDate(firstDay + length) });
    } else if (kind < 0.8) {
      windows.push({
        from: isoDate(firstDay),
        to: isoDate(firstDay + length),
        timeZone: 'Europe/Berlin',
      });
    } else {
      const fromHour = firstDay * 24 + random.integer(0, 23);
      windows.push({
        from: iso(fromHour * 60),
        to: iso((fromHour + random.integer(1, 24 * length)) * 60),
        ...(random.chance(0.5) && { timeZone: 'Europe/Berlin' }),
      });
    }
  }

  return {
    seed,
    settings: {
      productionEnvironments: production,
      incidentAttributionWindowMs: attributionMs,
    },
    entities,
    batches,
    windows,
  };
}

const FIELDS: (keyof RefDoraSummary)[] = [
  'deployments',
  'deploymentFrequencyPerDay',
  'leadTimeMedianSeconds',
  'leadTimeP90Seconds',
  'leadTimeCommits',
  'failedDeployments',
  'changeFailureRate',
  'recoveryMedianSeconds',
  'openFailures',
  'reworkRate',
];

/** The fields on which the two answers differ (numbers within 1e-6 relative). */
function differences(actual: DoraSummary, expected: RefDoraSummary) {
  const keys = Object.keys(actual).sort();
  const result: string[] = [];
  if (keys.join() !== [...FIELDS].sort().join()) {
    result.push(`summary has fields ${keys.join(', ')}`);
  }
  for (const field of FIELDS) {
    const a = (actual as any)[field] as number | null;
    const e = expected[field];
    const same =
      a === null || e === null
        ? a === e
        : Math.abs(a - e) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(e));
    if (!same) {
      result.push(`${field}: actual ${a}, reference ${e}`);
    }
  }
  return result;
}

interface Query {
  label: string;
  /** The `entityRef` of the query; null for the whole portal. */
  entityRef: string | null;
  /** The entities the reference pools. */
  scope?: string[];
  window: Scenario['windows'][number];
}

function queriesOf(scenario: Scenario): Query[] {
  const all = scenario.entities.map(e => entityRef(e.name));
  const queries: Query[] = [];
  for (const window of scenario.windows) {
    for (const ref of all) {
      queries.push({ label: ref, entityRef: ref, scope: [ref], window });
    }
    // every entity (and the odd foreign staging deployment) pooled
    queries.push({ label: 'portal', entityRef: null, window });
    queries.push({
      label: 'group:default/team-a',
      entityRef: 'group:default/team-a',
      scope: scenario.entities
        .filter(e => e.owner === 'group:default/team-a')
        .map(e => entityRef(e.name)),
      window,
    });
  }
  return queries;
}

/** Runs the real derivation on one fresh database; the mismatches found. */
async function mismatches(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  scenario: Scenario,
  queries: Query[],
) {
  const { ingest, dora, knex } = await createDora(databases, databaseId, {
    entities: [
      ...scenario.entities.map(e =>
        catalogComponent(e.name, { owner: e.owner }),
      ),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a' },
        spec: { type: 'team', children: [] },
      },
    ],
    settings: scenario.settings,
  });
  try {
    for (const batch of scenario.batches) {
      if (batch.length > 0) {
        await ingest(batch);
      }
    }
    const events = scenario.batches.flat();
    const found: { query: Query; diffs: string[] }[] = [];
    for (const query of queries) {
      const { summary } = await dora({
        entityRef: query.entityRef,
        ...query.window,
      });
      const expected = referenceDoraSummary(events, scenario.settings, {
        ...query.window,
        scope: query.scope,
      });
      const diffs = differences(summary, expected);
      if (diffs.length > 0) {
        found.push({ query, diffs });
      }
    }
    return found;
  } finally {
    await knex.destroy();
  }
}

/**
 * Removes events (keeping the batches and the arrival order of the rest)
 * while the first mismatching query still mismatches: a short event list to
 * reproduce the case by hand.
 */
async function minimize(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  scenario: Scenario,
  query: Query,
): Promise<Scenario> {
  let current = scenario;
  let budget = 400;
  const fails = async (candidate: Scenario) =>
    budget-- > 0 &&
    (await mismatches(databases, databaseId, candidate, [query])).length > 0;
  const without = (s: Scenario, drop: Set<number>) => {
    let index = 0;
    return {
      ...s,
      batches: s.batches.map(batch => batch.filter(() => !drop.has(index++))),
    };
  };
  for (
    let chunk = 32;
    chunk >= 1 && budget > 0;
    chunk = Math.floor(chunk / 2)
  ) {
    let start = 0;
    while (start < current.batches.flat().length && budget > 0) {
      const first = start;
      const drop = new Set(Array.from({ length: chunk }, (_, k) => first + k));
      const candidate = without(current, drop);
      if (await fails(candidate)) {
        current = candidate;
      } else {
        start += chunk;
      }
    }
  }
  return { ...current, batches: current.batches.filter(b => b.length > 0) };
}

describe('DORA against the reference implementation of PRODUCT.md', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives the reference numbers for seeded random histories, %p',
    async databaseId => {
      const scenarios =
        databaseId === 'SQLITE_3' ? SQLITE_SCENARIOS : POSTGRES_SCENARIOS;
      const failures: string[] = [];
      for (let seed = FIRST_SEED; seed < FIRST_SEED + scenarios; seed++) {
        const scenario = generate(seed);
        const found = await mismatches(
          databases,
          databaseId,
          scenario,
          queriesOf(scenario),
        );
        if (found.length === 0) {
          continue;
        }
        const report = [
          `seed ${seed} (${databaseId}): ${found.length} mismatching queries`,
          ...found.map(
            f =>
              `  ${f.query.label} ${JSON.stringify(
                f.query.window,
              )}: ${f.diffs.join('; ')}`,
          ),
        ];
        if (failures.length < 3) {
          const small = await minimize(
            databases,
            databaseId,
            scenario,
            found[0].query,
          );
          const [smallFound] = await mismatches(databases, databaseId, small, [
            found[0].query,
          ]);
          report.push(
            `  minimal case for ${found[0].query.label} ${JSON.stringify(
              found[0].query.window,
            )}: ${smallFound?.diffs.join('; ')}`,
            `  settings: ${JSON.stringify(scenario.settings)}`,
            `  batches: ${JSON.stringify(small.batches, null, 1)}`,
          );
        }
        failures.push(report.join('\n'));
      }
      if (failures.length > 0) {
        // eslint-disable-next-line no-console
        console.log(failures.join('\n\n'));
      }
      expect(failures.map(f => f.split('\n')[0])).toEqual([]);
    },
  );
});
