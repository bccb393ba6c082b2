import { TestDatabases } from '@backstage/backend-test-utils';
import { createDora, hours, incident, production } from '../__testUtils__/dora';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DatabaseDoraStore } from '../database/dora/DatabaseDoraStore';
import {
  failureHistory,
  failureSummary,
  failureWindow as window,
} from '../__testUtils__/doraScenarios';

jest.setTimeout(60_000);

describe('DORA change failure rate and recovery', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'attributes incidents, rollbacks and hotfixes as PRODUCT.md defines, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      await ingest(failureHistory);

      const response = await dora(window);

      expect(response.summary).toEqual(failureSummary);
      expect(response.tiers).toEqual({
        deploymentFrequency: 'elite',
        leadTime: 'elite',
        changeFailureRate: 'low',
        recovery: 'high',
      });
      expect(response.series).toEqual([
        {
          start: '2026-03-02T00:00:00.000Z',
          end: '2026-03-03T00:00:00.000Z',
          label: '2026-03-02',
          // P1–P4; failed P2, P3, P4 (27, 6, 26 h)
          deployments: 4,
          deploymentFrequencyPerDay: 4,
          leadTimeMedianSeconds: hours(1),
          leadTimeP90Seconds: hours(1),
          leadTimeCommits: 4,
          failedDeployments: 3,
          changeFailureRate: 3 / 4,
          recoveryMedianSeconds: hours(26),
          openFailures: 0,
          reworkRate: 0,
        },
        {
          start: '2026-03-03T00:00:00.000Z',
          end: '2026-03-04T00:00:00.000Z',
          label: '2026-03-03',
          deployments: 0,
          deploymentFrequencyPerDay: 0,
          leadTimeMedianSeconds: null,
          leadTimeP90Seconds: null,
          leadTimeCommits: 0,
          failedDeployments: 0,
          changeFailureRate: null,
          recoveryMedianSeconds: null,
          openFailures: 0,
          reworkRate: null,
        },
        {
          start: '2026-03-04T00:00:00.000Z',
          end: '2026-03-05T00:00:00.000Z',
          label: '2026-03-04',
          // P5, P6, P7; failed P5 (2 h) and P6 (open)
          deployments: 3,
          deploymentFrequencyPerDay: 3,
          leadTimeMedianSeconds: hours(1),
          leadTimeP90Seconds: hours(1),
          leadTimeCommits: 3,
          failedDeployments: 2,
          changeFailureRate: 2 / 3,
          recoveryMedianSeconds: hours(2),
          openFailures: 1,
          reworkRate: 2 / 3,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'follows status updates: a correction to failed, a late success, a resolution, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      await ingest([
        production('A', 2),
        production('B', 4, { trigger: 'rollback' }),
        production('C', 30, { status: 'in_progress', finishedAt: undefined }),
        incident('open', 31), // 27 h after B: nobody's while C is in progress
      ]);
      // A failed (its next is a rollback, recovered after 2 h); B is rework.
      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        failedDeployments: 1,
        recoveryMedianSeconds: hours(2),
        openFailures: 0,
        reworkRate: 1 / 2,
      });

      // The rollback is corrected to failed: it is no deployment, A did not fail.
      await ingest([production('B', 4, { status: 'failed' })]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 1,
        failedDeployments: 0,
        changeFailureRate: 0,
        reworkRate: 0,
      });

      // C succeeds: the incident an hour later makes it an open failure.
      await ingest([production('C', 30)]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        failedDeployments: 1,
        openFailures: 1,
        recoveryMedianSeconds: null,
      });

      // The incident is resolved 3 h after C finished; an unresolved resend
      // of it does not reopen it.
      await ingest([incident('open', 31, 33)]);
      await ingest([incident('open', 31)]);
      expect((await dora(window)).summary).toMatchObject({
        failedDeployments: 1,
        openFailures: 0,
        recoveryMedianSeconds: hours(3),
      });

      // A duplicate of everything changes nothing.
      await ingest([production('A', 2), production('C', 30)]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        failedDeployments: 1,
        recoveryMedianSeconds: hours(3),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'uses the configured incident attribution window, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings: {
          productionEnvironments: ['prod'],
          incidentAttributionWindowMs: 2 * 3_600_000,
        },
      });
      await ingest([
        production('A', 10),
        production('B', 20),
        incident('within', 12, 13), // 2 h after A: attributed
        incident('outside', 23, 24), // 3 h after B: not
      ]);

      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        failedDeployments: 1,
        recoveryMedianSeconds: hours(3),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'derives the tables again when the attribution window changes, %p',
    async databaseId => {
      const hourly = {
        productionEnvironments: ['prod'],
        incidentAttributionWindowMs: 3_600_000,
      };
      const first = await createDora(databases, databaseId, {
        settings: hourly,
      });
      await first.ingest([production('A', 10), incident('late', 13, 14)]);
      expect((await first.dora(window)).summary.failedDeployments).toBe(0);

      // The same database, started again with a 24 h window.
      const database = { getClient: async () => first.knex };
      const again = await DatabaseDeliveryStore.create({ database });
      await again.whenDoraTablesCurrent();
      const { total } = await new DatabaseDoraStore(first.knex).aggregate({
        edges: [Date.parse('2026-03-02'), Date.parse('2026-03-05')],
      });
      expect(total).toMatchObject({
        failedDeployments: 1,
        recoveryMedianMs: 4 * 3_600_000,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts only the configured production environments, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId, {
        settings: {
          productionEnvironments: ['prod-eu', 'prod-us'],
          incidentAttributionWindowMs: 24 * 3_600_000,
        },
      });
      await ingest([
        production('eu', 10, { environment: 'prod-eu' }),
        production('prod', 12), // not production in this setup
        production('us', 14, { environment: 'prod-us', trigger: 'hotfix' }),
        incident('in-prod', 13, 14), // environment prod: ignored
      ]);

      // The hotfix in prod-us follows nothing in prod-us; eu has no next
      // deployment in its own environment, so neither failed.
      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        failedDeployments: 0,
        recoveryMedianSeconds: null,
        reworkRate: 1 / 2,
      });
    },
  );
});
