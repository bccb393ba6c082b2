import { TestDatabases } from '@backstage/backend-test-utils';
import { commit, createDora, hours, production } from '../__testUtils__/dora';
import {
  leadTimeHistory,
  leadTimeSummary,
} from '../__testUtils__/doraScenarios';

jest.setTimeout(60_000);

const lighting = { entityRef: 'component:default/lighting-api' };
const window = { ...lighting, from: '2026-03-02', to: '2026-03-04' };

describe('DORA lead time for changes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'counts each commit once, at its first production deployment, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      await ingest(leadTimeHistory);

      const { summary } = await dora(window);
      expect(summary).toEqual({
        ...leadTimeSummary,
        // 57600.00000000001: percentile_cont's own rounding, on both databases.
        leadTimeP90Seconds: expect.closeTo(hours(16), 6),
      });

      // a0 counts on the day of L0, where it was first deployed.
      const dayBefore = await dora({
        ...lighting,
        from: '2026-03-01',
        to: '2026-03-02',
      });
      expect(dayBefore.summary).toMatchObject({
        deployments: 1,
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(10),
        leadTimeP90Seconds: hours(10),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts a head commit once its time becomes known, and not after it is withdrawn, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      const headOnly = production('L3', 30, { ...lighting, commitSha: 'a4' });
      const dev = production('dev', 26, {
        ...lighting,
        environment: 'dev',
        commits: [commit('a4', 25)],
      });

      await ingest([headOnly]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 1,
        leadTimeCommits: 0,
        leadTimeMedianSeconds: null,
      });

      await ingest([dev]);
      expect((await dora(window)).summary).toMatchObject({
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(5),
      });

      // Another event gives an earlier time for a4: the earliest counts.
      await ingest([
        production('staging', 27, {
          ...lighting,
          environment: 'staging',
          commits: [commit('a4', 24)],
        }),
      ]);
      expect((await dora(window)).summary).toMatchObject({
        leadTimeMedianSeconds: hours(6),
      });

      // Both are replaced by events that no longer list a4.
      await ingest([
        { ...dev, commits: [commit('other', 25)] },
        production('staging', 27, {
          ...lighting,
          environment: 'staging',
          commits: [],
        }),
      ]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 1,
        leadTimeCommits: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'answers for a whole batch as soon as it is stored: re-sent and replaced events, and a commit moved to an earlier deployment, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      const later = production('later', 30, {
        ...lighting,
        commits: [commit('x', 10)],
      });
      await ingest([later]);

      // One batch: the stored deployment again, a deployment first reported
      // running and then finished earlier (bringing x first), and a rollback
      // after both.
      const earlier = production('earlier', 20, {
        ...lighting,
        commits: [commit('x', 10), commit('y', 12)],
      });
      await ingest([
        { ...earlier, status: 'in_progress', finishedAt: undefined },
        later,
        earlier,
        production('rollback', 40, {
          ...lighting,
          trigger: 'rollback',
          commits: [commit('z', 35)],
        }),
      ]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 3,
        // x at `earlier` (10 h), y (8 h), z (5 h).
        leadTimeCommits: 3,
        leadTimeMedianSeconds: hours(8),
        // `later` is followed by the rollback.
        failedDeployments: 1,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'moves a commit to an earlier deployment that arrives later, and back when it fails; never to another entity, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      const later = production('later', 30, {
        ...lighting,
        commits: [commit('x', 10)],
      });
      const earlier = production('earlier', 20, {
        ...lighting,
        commits: [commit('x', 10)],
      });

      await ingest([later]);
      expect((await dora(window)).summary).toMatchObject({
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(20),
      });

      await ingest([earlier]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 2,
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(10),
      });

      await ingest([{ ...earlier, status: 'failed' }]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 1,
        leadTimeCommits: 1,
        leadTimeMedianSeconds: hours(20),
      });

      // Its id belongs to lighting-api: a report for another entity under the
      // same id is refused, and neither entity's numbers move.
      const moved = await ingest([
        { ...later, entityRef: 'component:default/parking-api' },
      ]);
      expect(moved.deployments).toEqual([
        expect.objectContaining({ id: 'later', field: 'entityRef' }),
      ]);
      expect((await dora(window)).summary).toMatchObject({
        deployments: 1,
        leadTimeMedianSeconds: hours(20),
      });
      expect(
        (await dora({ ...window, entityRef: 'component:default/parking-api' }))
          .summary,
      ).toMatchObject({ deployments: 0 });
    },
  );
});
