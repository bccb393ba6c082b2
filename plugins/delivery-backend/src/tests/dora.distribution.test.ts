import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogComponent,
  commit,
  createDora,
  production,
} from '../__testUtils__/dora';

jest.setTimeout(60_000);

const ref = (name: string) => `component:default/${name}`;
const delivered = (name: string, spec: { owner?: string } = {}) =>
  catalogComponent(
    name,
    { system: 'parking', ...spec },
    { 'domain-delivery.io/service': name },
  );

// The smart-city domain: one elite service, one that is slow and fails,
// one that never deployed, and a library without the delivery annotation.
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'smart-city' },
    spec: { owner: 'group:default/smart-city' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'parking' },
    spec: { owner: 'group:default/smart-city', domain: 'smart-city' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
  delivered('fast-api', { owner: 'group:default/team-a' }),
  delivered('slow-api', { owner: 'group:default/team-a' }),
  delivered('quiet-api'),
  catalogComponent('legacy-lib', { system: 'parking' }),
];

// Seven days from Monday 2026-03-02.
const window = { from: '2026-03-02', to: '2026-03-09' };

const history = [
  // fast-api: once a day, an hour after the commit, never failing.
  ...Array.from({ length: 7 }, (_, day) =>
    production(`F${day}`, 24 * day + 1, {
      entityRef: ref('fast-api'),
      commits: [commit(`f${day}`, 24 * day)],
    }),
  ),
  // slow-api: a commit ten days old, rolled back a day later.
  production('S1', 24, {
    entityRef: ref('slow-api'),
    commits: [commit('s1', 24 - 240)],
  }),
  production('S2', 48, { entityRef: ref('slow-api'), trigger: 'rollback' }),
  // legacy-lib deploys, but is no member of the spread.
  production('L1', 30, { entityRef: ref('legacy-lib') }),
];

const spread = {
  distribution: {
    // slow-api: 2 in 7 days; quiet-api: none at all
    deploymentFrequency: { elite: 1, high: 1, medium: 0, low: 1, none: 0 },
    leadTime: { elite: 1, high: 0, medium: 1, low: 0, none: 1 },
    changeFailureRate: { elite: 1, high: 0, medium: 0, low: 1, none: 1 },
    recovery: { elite: 0, high: 0, medium: 1, low: 0, none: 2 },
  },
  lowestTiers: {
    deploymentFrequency: { tier: 'low', entityRefs: [ref('quiet-api')] },
    leadTime: { tier: 'medium', entityRefs: [ref('slow-api')] },
    changeFailureRate: { tier: 'low', entityRefs: [ref('slow-api')] },
    recovery: { tier: 'medium', entityRefs: [ref('slow-api')] },
  },
};

describe('the spread of member components behind a DORA roll-up', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'counts a domain’s delivered components in each tier and names the lowest, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        entities,
      });
      await ingest(history);

      const response = await dora({
        ...window,
        entityRef: 'domain:default/smart-city',
      });

      // The pooled numbers still cover every component, the library too.
      expect(response.summary.deployments).toBe(10);
      expect(response.tiers.deploymentFrequency).toBe('elite');
      expect(response).toMatchObject(spread);
    },
  );

  it.each(databases.eachSupportedId())(
    'spreads the whole portal and a team’s components the same way, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        entities,
      });
      await ingest(history);

      expect(await dora({ ...window, entityRef: null })).toMatchObject(spread);
      expect(
        await dora({ ...window, entityRef: 'group:default/team-a' }),
      ).toMatchObject({
        distribution: {
          deploymentFrequency: {
            elite: 1,
            high: 1,
            medium: 0,
            low: 0,
            none: 0,
          },
          recovery: { elite: 0, high: 0, medium: 1, low: 0, none: 1 },
        },
        lowestTiers: {
          deploymentFrequency: { tier: 'high', entityRefs: [ref('slow-api')] },
        },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'answers no spread for one component, and empty tiers for a domain with no delivered component, %p',
    async databaseId => {
      const { dora } = await createDora(databases, databaseId, {
        entities: [
          ...entities,
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Domain',
            metadata: { name: 'empty' },
            spec: { owner: 'group:default/smart-city' },
          },
        ],
      });

      const component = await dora({ ...window, entityRef: ref('fast-api') });
      expect(component).not.toHaveProperty('distribution');
      expect(component).not.toHaveProperty('lowestTiers');

      const empty = await dora({
        ...window,
        entityRef: 'domain:default/empty',
      });
      const zero = { elite: 0, high: 0, medium: 0, low: 0, none: 0 };
      expect(empty.distribution).toEqual({
        deploymentFrequency: zero,
        leadTime: zero,
        changeFailureRate: zero,
        recovery: zero,
      });
      expect(empty.lowestTiers).toEqual({
        deploymentFrequency: null,
        leadTime: null,
        changeFailureRate: null,
        recovery: null,
      });
    },
  );
});
