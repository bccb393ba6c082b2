import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readDeliveryEnvironments } from './readDeliveryEnvironments';

function read(environments: JsonObject[] | undefined) {
  return readDeliveryEnvironments(
    new ConfigReader(environments ? { delivery: { environments } } : {}),
  );
}

describe('readDeliveryEnvironments', () => {
  it('gives dev, staging and prod when nothing is configured', () => {
    const environments = read(undefined);
    expect(environments.map(e => [e.name, e.production])).toEqual([
      ['dev', false],
      ['staging', false],
      ['prod', true],
    ]);
    expect(environments[0].promotion.promotedFrom).toBeUndefined();
    // No executor unless one is configured: promotions into them are refused.
    expect(environments.filter(e => e.executor)).toEqual([]);
    expect(environments[2].promotion).toEqual({
      promotedFrom: 'staging',
      requiredApprovals: 1,
      approvers: ['owner'],
      allowSelfApproval: false,
      minimumSoakSeconds: 0,
    });
  });

  it('reads a full environment', () => {
    const [, prod] = read([
      { name: 'staging' },
      {
        name: 'prod',
        title: 'Production',
        production: true,
        promotion: {
          from: 'staging',
          requiredApprovals: 2,
          approvers: ['owner', 'Group:Default/Platform-Team', 'user:jdoe'],
          allowSelfApproval: true,
          minimumSoakTime: '2h',
        },
        freezeWindows: [
          {
            from: 'Friday 16:00',
            to: 'monday 08:00',
            timeZone: 'Europe/Berlin',
            reason: 'Weekend',
          },
          {
            start: '2026-12-23T00:00:00',
            end: '2027-01-04T00:00:00+01:00',
            timeZone: 'Europe/Berlin',
          },
        ],
        executor: { type: 'github-pr', autoMerge: true },
      },
    ]);

    expect(prod).toEqual({
      name: 'prod',
      title: 'Production',
      production: true,
      promotion: {
        promotedFrom: 'staging',
        requiredApprovals: 2,
        approvers: [
          'owner',
          'group:default/platform-team',
          'user:default/jdoe',
        ],
        allowSelfApproval: true,
        minimumSoakSeconds: 7200,
      },
      freezeWindows: [
        {
          type: 'recurring',
          from: { day: 'friday', time: '16:00' },
          to: { day: 'monday', time: '08:00' },
          timeZone: 'Europe/Berlin',
          reason: 'Weekend',
        },
        {
          type: 'once',
          start: '2026-12-22T23:00:00.000Z',
          end: '2027-01-03T23:00:00.000Z',
        },
      ],
      executor: { type: 'github-pr', autoMerge: true },
    });
  });

  it('fills in safe defaults, promoting from the previous environment', () => {
    const [dev, staging, prod] = read([
      { name: 'dev' },
      { name: 'staging', promotion: { minimumSoakTime: { minutes: 30 } } },
      { name: 'prod', production: true },
    ]);
    expect(dev).toEqual({
      name: 'dev',
      title: 'dev',
      production: false,
      promotion: {
        requiredApprovals: 0,
        approvers: ['owner'],
        allowSelfApproval: false,
        minimumSoakSeconds: 0,
      },
      freezeWindows: [],
    });
    expect(dev).not.toHaveProperty('executor');
    expect(staging.promotion).toMatchObject({
      promotedFrom: 'dev',
      requiredApprovals: 0,
      minimumSoakSeconds: 1800,
    });
    expect(prod.promotion).toMatchObject({
      promotedFrom: 'staging',
      requiredApprovals: 1,
      approvers: ['owner'],
      allowSelfApproval: false,
    });
  });

  it('names an unknown source environment', () => {
    expect(() =>
      read([
        { name: 'dev' },
        { name: 'staging' },
        { name: 'prod', promotion: { from: 'qa' } },
      ]),
    ).toThrow(
      "delivery.environments[2].promotion.from refers to unknown environment 'qa'",
    );
  });

  it('refuses a source environment listed later', () => {
    expect(() =>
      read([{ name: 'dev', promotion: { from: 'prod' } }, { name: 'prod' }]),
    ).toThrow(
      "delivery.environments[0].promotion.from refers to 'prod', which is not listed before 'dev'",
    );
    expect(() =>
      read([{ name: 'dev' }, { name: 'prod', promotion: { from: 'prod' } }]),
    ).toThrow(/delivery.environments\[1\].promotion.from refers to 'prod'/);
  });

  it('refuses bad and repeated names', () => {
    expect(() => read([{ name: 'Prod' }])).toThrow(
      "delivery.environments[0].name 'Prod' must be",
    );
    expect(() => read([{ name: 'dev' }, { name: 'dev' }])).toThrow(
      "delivery.environments[1].name 'dev' is already used by delivery.environments[0]",
    );
    expect(() => read([])).toThrow('delivery.environments is empty');
    expect(() => read([{ title: 'No name' }])).toThrow(
      /delivery.environments\[0\].name/,
    );
  });

  it('refuses bad promotion policies', () => {
    expect(() =>
      read([{ name: 'prod', promotion: { requiredApprovals: 1.5 } }]),
    ).toThrow('delivery.environments[0].promotion.requiredApprovals must be');
    expect(() =>
      read([{ name: 'prod', promotion: { requiredApprovals: -1 } }]),
    ).toThrow('delivery.environments[0].promotion.requiredApprovals must be');
    expect(() =>
      read([{ name: 'prod', promotion: { approvers: ['owner', 'jdoe'] } }]),
    ).toThrow(
      "delivery.environments[0].promotion.approvers[1] 'jdoe' must be 'owner' or a user or group entity ref",
    );
    expect(() =>
      read([
        { name: 'prod', promotion: { approvers: ['component:default/x'] } },
      ]),
    ).toThrow('delivery.environments[0].promotion.approvers[0]');
    expect(() =>
      read([
        {
          name: 'prod',
          production: true,
          promotion: { approvers: [] },
        },
      ]),
    ).toThrow('delivery.environments[0].promotion.approvers is empty');
    expect(() =>
      read([{ name: 'prod', promotion: { minimumSoakTime: 'soon' } }]),
    ).toThrow(
      'delivery.environments[0].promotion.minimumSoakTime is not a valid duration',
    );
  });

  it('refuses bad freeze windows', () => {
    const withWindow = (window: JsonObject) =>
      read([{ name: 'dev' }, { name: 'prod', freezeWindows: [window] }]);

    expect(() => withWindow({ from: 'Fri 16:00', to: 'Monday 08:00' })).toThrow(
      "delivery.environments[1].freezeWindows[0].from 'Fri 16:00' must be a weekday and a 24-hour time",
    );
    expect(() =>
      withWindow({ from: 'Friday 24:00', to: 'Monday 08:00' }),
    ).toThrow('delivery.environments[1].freezeWindows[0].from');
    expect(() =>
      withWindow({
        from: 'Friday 16:00',
        to: 'Monday 08:00',
        timeZone: 'Mars/Olympus',
      }),
    ).toThrow(
      "delivery.environments[1].freezeWindows[0].timeZone 'Mars/Olympus' is not an IANA time zone",
    );
    expect(() =>
      withWindow({ from: 'Friday 16:00', to: 'friday 16:00' }),
    ).toThrow('must differ');
    expect(() => withWindow({ start: '2026-12-23', end: 'next year' })).toThrow(
      "delivery.environments[1].freezeWindows[0].end 'next year' is not an ISO 8601 date and time",
    );
    expect(() =>
      withWindow({ start: '2026-12-23', end: '2026-12-22' }),
    ).toThrow(
      'delivery.environments[1].freezeWindows[0].end must be after delivery.environments[1].freezeWindows[0].start',
    );
    expect(() =>
      withWindow({ from: 'Friday 16:00', start: '2026-12-23' }),
    ).toThrow(
      "delivery.environments[1].freezeWindows[0] must have either 'from' and 'to' (weekly) or 'start' and 'end' (one-off)",
    );
    expect(() => withWindow({ reason: 'Why not' })).toThrow(
      'delivery.environments[1].freezeWindows[0] must have either',
    );
  });

  it('keeps executor options and requires a type', () => {
    const [dev] = read([
      {
        name: 'dev',
        executor: { type: 'argocd-sync', instance: 'main', prune: false },
      },
    ]);
    expect(dev.executor).toEqual({
      type: 'argocd-sync',
      instance: 'main',
      prune: false,
    });
    expect(() =>
      read([{ name: 'dev', executor: { instance: 'main' } }]),
    ).toThrow(/delivery.environments\[0\].executor.type/);
  });
});
