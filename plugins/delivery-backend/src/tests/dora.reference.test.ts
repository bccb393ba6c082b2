import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DoraSummary } from '@domain-delivery/backstage-plugin-delivery-common';
import { catalogComponent, createDora } from '../__testUtils__/dora';
import { referenceDoraSummary } from '../__testUtils__/referenceDora';
import { RefDoraSummary, RefEvent } from '../__testUtils__/referenceDoraRules';
import {
  entityRef,
  generate,
  Scenario,
} from '../__testUtils__/randomDoraScenario';

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
    // The scenarios report deployments and incidents only.
    const events = scenario.batches
      .flat()
      .filter(event => event.type !== 'pipeline_run') as RefEvent[];
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
