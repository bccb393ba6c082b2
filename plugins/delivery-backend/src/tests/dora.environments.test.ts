import { TestDatabases } from '@backstage/backend-test-utils';
import {
  commit,
  createDora,
  hours,
  incident,
  production,
} from '../__testUtils__/dora';

jest.setTimeout(60_000);

// parking-api runs in two regions, prod-eu and prod-us, both production.
// Every rule that looks at "the next production deployment" stays within the
// deployment's own region; lead time looks across both.
const settings = {
  productionEnvironments: ['prod-eu', 'prod-us'],
  incidentAttributionWindowMs: 24 * 3_600_000,
};
const window = { from: '2026-03-02', to: '2026-03-05' };
const eu = (id: string, hour: number, overrides = {}) =>
  production(id, hour, { environment: 'prod-eu', ...overrides });
const us = (id: string, hour: number, overrides = {}) =>
  production(id, hour, { environment: 'prod-us', ...overrides });

describe('DORA with several production environments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'attributes an incident that names no deployment within its own environment, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        eu('EU1', 1),
        us('US1', 2),
        eu('EU2', 3),
        // Opened after EU2, the latest rollout anywhere: a prod-us incident
        // still belongs to US1, the latest prod-us one (2 h to resolve from
        // h6, so 4 h after US1).
        incident('I-us', 4, 6, { environment: 'prod-us' }),
      ]);

      expect((await dora(window)).summary).toMatchObject({
        deployments: 3,
        failedDeployments: 1,
        changeFailureRate: 1 / 3,
        recoveryMedianSeconds: hours(4),
        openFailures: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'ends the attribution of a deployment at the next rollout in its own environment only, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        eu('EU1', 1),
        // A prod-us rollout between EU1 and the incident does not end EU1's
        // attribution window; EU2 at h10 would.
        us('US1', 2),
        incident('I-eu', 2.5, 4, { environment: 'prod-eu' }),
        eu('EU2', 10),
      ]);

      const { summary } = await dora(window);
      expect(summary).toMatchObject({
        deployments: 3,
        failedDeployments: 1,
        recoveryMedianSeconds: hours(3), // EU1 at h1 to the resolution at h4
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'a prod-us incident does not fail a prod-eu deployment, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        us('US1', -30), // before the attribution window of the incident
        eu('EU1', 1),
        incident('I-us', 2, 3, { environment: 'prod-us' }),
      ]);

      // EU1 is the only rollout shortly before the incident, but in prod-eu;
      // US1 finished more than 24 h before it opened.
      expect((await dora(window)).summary).toMatchObject({
        deployments: 1,
        failedDeployments: 0,
        changeFailureRate: 0,
        recoveryMedianSeconds: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'a prod-us rollback fails only the prod-us deployment before it, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        eu('EU1', 1),
        us('US1', 2),
        eu('EU2', 3),
        us('US2', 5, { trigger: 'rollback' }),
      ]);

      // US1 failed, recovered by the rollback 3 h later; EU2, the latest
      // rollout before the rollback, did not fail.
      expect((await dora(window)).summary).toMatchObject({
        deployments: 4,
        failedDeployments: 1,
        changeFailureRate: 1 / 4,
        recoveryMedianSeconds: hours(3),
        reworkRate: 1 / 4,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts an incident that names a deployment of the other region against that deployment, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        eu('EU1', 1),
        us('US1', 2),
        incident('I', 3, 5, { environment: 'prod-us', deploymentId: 'EU1' }),
      ]);

      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        failedDeployments: 1,
        recoveryMedianSeconds: hours(4), // EU1 at h1 to h5
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'takes a commit’s lead time once, at its first rollout in any production environment, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings,
      });
      await ingest([
        // c1 reaches prod-us first (h2, 2 h after it was made), prod-eu a
        // day later; c2 reaches prod-eu first.
        us('US1', 2, { commits: [commit('c1', 0)] }),
        eu('EU1', 26, { commits: [commit('c1', 0), commit('c2', 20)] }),
        us('US2', 30, { commits: [commit('c2', 20)] }),
      ]);

      expect((await dora(window)).summary).toMatchObject({
        deployments: 3,
        leadTimeCommits: 2,
        leadTimeMedianSeconds: hours((2 + 6) / 2),
      });
      // From h24 on, c1 is not counted again: its first rollout was before.
      expect(
        (await dora({ from: '2026-03-03', to: '2026-03-05' })).summary,
      ).toMatchObject({
        deployments: 2,
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(6),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the same numbers when the events arrive one by one in reverse, %p',
    async databaseId => {
      const history = [
        eu('EU1', 1, { commits: [commit('c1', 0)] }),
        us('US1', 2, { commits: [commit('c1', 0)] }),
        incident('I-eu', 2.5, 4, { environment: 'prod-eu' }),
        eu('EU2', 3),
        incident('I-us', 4, 6, { environment: 'prod-us' }),
        us('US2', 5, { trigger: 'rollback' }),
        eu('EU3', 8, { trigger: 'hotfix' }),
      ];
      const together = await createDora(databases, databaseId, { settings });
      await together.ingest(history);
      const oneByOne = await createDora(databases, databaseId, { settings });
      for (const event of [...history].reverse()) {
        await oneByOne.ingest([event]);
      }

      const expected = {
        deployments: 5,
        // EU1 (I-eu, 3 h), US1 (I-us, 4 h), EU2 (the hotfix EU3, 5 h)
        failedDeployments: 3,
        recoveryMedianSeconds: hours(4),
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(1),
      };
      expect((await together.dora(window)).summary).toMatchObject(expected);
      expect((await oneByOne.dora(window)).summary).toMatchObject(expected);
    },
  );
});
