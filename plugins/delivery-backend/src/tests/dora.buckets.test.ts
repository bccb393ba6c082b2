import { TestDatabases } from '@backstage/backend-test-utils';
import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import {
  commit,
  createDora,
  hours,
  incident,
  production,
} from '../__testUtils__/dora';

jest.setTimeout(60_000);

const deployedAt = (id: string, iso: string): DeliveryEvent =>
  production(id, 0, { startedAt: iso, finishedAt: iso });

const empty = {
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
};

const deployedOnce = (deploymentFrequencyPerDay: number) => ({
  ...empty,
  deployments: 1,
  deploymentFrequencyPerDay,
  failedDeployments: 0,
  changeFailureRate: 0,
  reworkRate: 0,
});

describe('DORA windows, buckets and tiers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'answers zeros and nulls for a window without deployments, %p',
    async databaseId => {
      const noMembers = { elite: 0, high: 0, medium: 0, low: 0, none: 0 };
      const { dora } = await createDora(databases, databaseId);

      const response = await dora({
        entityRef: null,
        from: '2026-03-02',
        to: '2026-03-04',
      });

      expect(response).toEqual({
        summary: empty,
        tiers: {
          deploymentFrequency: 'low',
          leadTime: null,
          changeFailureRate: null,
          recovery: null,
        },
        series: [
          {
            start: '2026-03-02T00:00:00.000Z',
            end: '2026-03-03T00:00:00.000Z',
            label: '2026-03-02',
            ...empty,
          },
          {
            start: '2026-03-03T00:00:00.000Z',
            end: '2026-03-04T00:00:00.000Z',
            label: '2026-03-03',
            ...empty,
          },
        ],
        // The portal has no component with the delivery annotation here.
        distribution: {
          deploymentFrequency: noMembers,
          leadTime: noMembers,
          changeFailureRate: noMembers,
          recovery: noMembers,
        },
        lowestTiers: {
          deploymentFrequency: null,
          leadTime: null,
          changeFailureRate: null,
          recovery: null,
        },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'buckets by local day across the change to summer time, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      // Europe/Berlin moves from +01:00 to +02:00 on Sunday 2026-03-29 at 02:00.
      await ingest([
        deployedAt('sat-late', '2026-03-28T22:30:00Z'), // Sat 23:30 +01:00
        deployedAt('sun-early', '2026-03-28T23:30:00Z'), // Sun 00:30 +01:00
        deployedAt('mon-early', '2026-03-29T22:30:00Z'), // Mon 00:30 +02:00
        deployedAt('too-late', '2026-03-30T22:00:00Z'), // Tue 00:00 +02:00: after `to`
      ]);

      const response = await dora({
        from: '2026-03-28',
        to: '2026-03-31',
        timeZone: 'Europe/Berlin',
      });

      expect(response.summary).toEqual({ ...deployedOnce(1), deployments: 3 });
      expect(response.series).toEqual([
        {
          start: '2026-03-27T23:00:00.000Z',
          end: '2026-03-28T23:00:00.000Z',
          label: '2026-03-28',
          ...deployedOnce(1),
        },
        {
          // 23 hours long, still one day.
          start: '2026-03-28T23:00:00.000Z',
          end: '2026-03-29T22:00:00.000Z',
          label: '2026-03-29',
          ...deployedOnce(1),
        },
        {
          start: '2026-03-29T22:00:00.000Z',
          end: '2026-03-30T22:00:00.000Z',
          label: '2026-03-30',
          ...deployedOnce(1),
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'buckets by ISO week, counting only the days of a week inside the window, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      await ingest([
        deployedAt('before', '2026-03-24T12:00:00Z'), // Tue of W13, before `from`
        deployedAt('w13', '2026-03-28T23:30:00Z'), // Sun 2026-03-29 00:30 +01:00
        deployedAt('w14', '2026-03-29T22:30:00Z'), // Mon 2026-03-30 00:30 +02:00
      ]);

      // Wednesday 2026-03-25 to Thursday 2026-04-02 in Berlin: 8 days.
      const response = await dora({
        from: '2026-03-25',
        to: '2026-04-02',
        timeZone: 'Europe/Berlin',
        bucket: 'week',
      });

      expect(response.summary).toEqual({
        ...deployedOnce(2 / 8),
        deployments: 2,
      });
      expect(response.series).toEqual([
        {
          // Monday 2026-03-23 to Monday 2026-03-30; Wednesday to Sunday are in
          // the window: 5 days (one of them 23 hours long).
          start: '2026-03-22T23:00:00.000Z',
          end: '2026-03-29T22:00:00.000Z',
          label: '2026-W13',
          ...deployedOnce(1 / 5),
        },
        {
          start: '2026-03-29T22:00:00.000Z',
          end: '2026-04-05T22:00:00.000Z',
          label: '2026-W14',
          ...deployedOnce(1 / 3),
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads from and to with an offset as given, and without one in the time zone, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      await ingest([deployedAt('edge', '2026-03-01T23:30:00Z')]);

      // 00:30 on 2026-03-02 in Berlin, before midnight in UTC.
      const inBerlin = await dora({
        from: '2026-03-02',
        to: '2026-03-03',
        timeZone: 'Europe/Berlin',
      });
      expect(inBerlin.summary.deployments).toBe(1);
      const inUtc = await dora({ from: '2026-03-02', to: '2026-03-03' });
      expect(inUtc.summary.deployments).toBe(0);
      const withOffset = await dora({
        from: '2026-03-02T00:00:00+01:00',
        to: '2026-03-03T00:00:00+01:00',
      });
      expect(withOffset.summary.deployments).toBe(1);
      // A window that is not whole days: 12 h is half a day.
      const halfDay = await dora({
        from: '2026-03-01T12:00:00Z',
        to: '2026-03-02T00:00:00Z',
      });
      expect(halfDay.summary.deploymentFrequencyPerDay).toBe(2);
      expect(halfDay.series).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts a partial day next to the summer-time switch as its share of that day, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      await ingest([deployedAt('sat-noon', '2026-03-28T12:00:00Z')]);

      // Berlin, Saturday 10:00 to Sunday 01:00: 14 of Saturday's 24 hours and
      // 1 of Sunday's 23 (found by the reference test; it used to be 15 h of
      // the 23 h from Saturday 10:00, 15/23 days).
      const response = await dora({
        from: '2026-03-28T10:00',
        to: '2026-03-29T01:00',
        timeZone: 'Europe/Berlin',
      });

      expect(response.summary.deploymentFrequencyPerDay).toBeCloseTo(
        1 / (14 / 24 + 1 / 23),
        12,
      );
      expect(
        response.series.map(b => [b.label, b.deploymentFrequencyPerDay]),
      ).toEqual([
        ['2026-03-28', expect.closeTo(24 / 14, 12)],
        ['2026-03-29', 0],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'puts metrics exactly on a tier boundary where PRODUCT.md says, %p',
    async databaseId => {
      const { ingest, dora } = await createDora(databases, databaseId);
      // 20 deployments 8 h apart in the week from 2026-03-02, each bringing a
      // commit made exactly a day before; the first one fails (an incident
      // names it) and recovers exactly an hour after it finished.
      await ingest([
        ...Array.from({ length: 20 }, (_, k) =>
          production(`D${k}`, 8 * k, {
            commits: [commit(`c${k}`, 8 * k - 24)],
          }),
        ),
        incident('one-hour', 0.5, 1, { deploymentId: 'D0' }),
      ]);

      const response = await dora({ from: '2026-03-02', to: '2026-03-09' });

      expect(response.summary).toMatchObject({
        deployments: 20,
        failedDeployments: 1,
        changeFailureRate: 0.05,
        leadTimeMedianSeconds: hours(24),
        recoveryMedianSeconds: hours(1),
      });
      expect(response.tiers).toEqual({
        deploymentFrequency: 'elite', // 20 in 7 days
        leadTime: 'high', // exactly 1 day: not elite
        changeFailureRate: 'elite', // exactly 5 %
        recovery: 'high', // exactly 1 hour: not elite
      });

      // Exactly one deployment in a week, and exactly one in 30 days.
      const week = await dora({ from: '2026-03-09', to: '2026-03-16' });
      expect(week.summary.deployments).toBe(0);
      await ingest([production('weekly', 24 * 8)]);
      expect(
        (await dora({ from: '2026-03-09', to: '2026-03-16' })).tiers
          .deploymentFrequency,
      ).toBe('high');
      expect(
        (await dora({ from: '2026-03-09', to: '2026-04-08' })).tiers
          .deploymentFrequency,
      ).toBe('medium');
      expect(
        (await dora({ from: '2026-03-09', to: '2026-04-09' })).tiers
          .deploymentFrequency,
      ).toBe('low');
    },
  );
});
