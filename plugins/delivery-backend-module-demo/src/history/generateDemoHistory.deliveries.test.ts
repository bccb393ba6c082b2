import { compare } from 'semver';
import {
  DEMO_ENTITY_REFS,
  NOW,
  HOUR,
  DAY,
  history,
  time,
  records,
} from '../__testUtils__/demoHistory';
import { ENVIRONMENTS } from '../__testUtils__/catalog';
import { generateDemoHistory } from './generateDemoHistory';

describe('generateDemoHistory deliveries', () => {
  it('shows failed rollouts, rollbacks, hotfixes and incidents, one of them still open', () => {
    const { deployments, incidents } = records(history);
    const count = (trigger: string, status = 'succeeded') =>
      deployments.filter(d => d.trigger === trigger && d.status === status)
        .length;
    expect(
      deployments.filter(d => d.status === 'failed').length,
    ).toBeGreaterThan(0);
    expect(count('rollback')).toBeGreaterThan(0);
    expect(count('hotfix')).toBeGreaterThan(0);
    expect(incidents.some(i => i.deploymentId)).toBe(true);
    expect(incidents.some(i => !i.deploymentId)).toBe(true);
    expect(incidents.some(i => !i.resolvedAt)).toBe(true);
  });

  it('follows a failed rollout with a retry of the same version', () => {
    const { deployments } = records(history);
    const byStart = [...deployments].sort(
      (a, b) => time(a.startedAt) - time(b.startedAt),
    );
    const failed = byStart.filter(d => d.status === 'failed');
    const retries = failed.map(rollout =>
      byStart.find(
        d =>
          d.entityRef === rollout.entityRef &&
          d.environment === rollout.environment &&
          time(d.startedAt) > time(rollout.startedAt),
      ),
    );
    expect(failed.length).toBeGreaterThan(10);
    // Only a rollout that failed on the last evening may lack its retry.
    expect(retries.filter(retry => !retry).length).toBeLessThanOrEqual(1);
    const wrong = failed.filter((rollout, index) => {
      const retry = retries[index];
      return (
        retry &&
        (retry.version !== rollout.version ||
          time(retry.startedAt) - time(rollout.finishedAt) > HOUR)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('promotes only versions that ran in the previous environment, except hotfixes', () => {
    const { deployments } = records(history);
    const windowStart = NOW.getTime() - 89 * DAY;
    const promotions = deployments.filter(
      d =>
        d.trigger === 'promotion' && time(d.startedAt) > windowStart + 14 * DAY,
    );
    expect(promotions.length).toBeGreaterThan(1000);
    for (const promotion of promotions) {
      const index = ENVIRONMENTS.findIndex(
        e => e.name === promotion.environment,
      );
      expect(index).toBeGreaterThan(0);
      const before = deployments.find(
        d =>
          d.entityRef === promotion.entityRef &&
          d.environment === ENVIRONMENTS[index - 1].name &&
          d.version === promotion.version &&
          d.status === 'succeeded' &&
          time(d.finishedAt) <= time(promotion.startedAt),
      );
      expect(before?.id ?? promotion).toEqual(expect.any(String));
    }

    const hotfixes = deployments.filter(d => d.trigger === 'hotfix');
    for (const hotfix of hotfixes) {
      expect(hotfix.environment).toBe('prod');
      expect(
        deployments.some(
          d =>
            d.entityRef === hotfix.entityRef &&
            d.version === hotfix.version &&
            d.environment !== 'prod',
        ),
      ).toBe(false);
    }
  });

  it('rolls back soon after a bad production deployment, to an earlier version', () => {
    const { deployments } = records(history);
    const production = deployments
      .filter(d => d.environment === 'prod' && d.status === 'succeeded')
      .sort((a, b) => time(a.finishedAt) - time(b.finishedAt));
    const rollbacks = production.filter(d => d.trigger === 'rollback');
    expect(rollbacks.length).toBeGreaterThan(0);
    const wrong = rollbacks.filter(rollback => {
      const bad = production
        .filter(
          d =>
            d.entityRef === rollback.entityRef &&
            time(d.finishedAt) < time(rollback.startedAt),
        )
        .pop();
      return (
        !bad ||
        compare(rollback.version, bad.version) >= 0 ||
        time(rollback.startedAt) - time(bad.finishedAt) > 6 * HOUR
      );
    });
    expect(wrong).toEqual([]);
  });

  it('opens incidents within hours of a production deployment, before the next one', () => {
    const { deployments, incidents } = records(history);
    const wrong = incidents.filter(incident => {
      const production = deployments
        .filter(
          d =>
            d.entityRef === incident.entityRef &&
            d.environment === 'prod' &&
            d.status === 'succeeded',
        )
        .sort((a, b) => time(a.finishedAt) - time(b.finishedAt));
      const opened = time(incident.openedAt);
      const cause = incident.deploymentId
        ? production.find(d => d.id === incident.deploymentId)
        : production.filter(d => time(d.finishedAt) < opened).pop();
      if (!cause || time(cause.finishedAt) >= opened) {
        return true;
      }
      // Without a deploymentId, it is attributed by rule: within hours after
      // a production deployment, before the next one.
      const next = production.find(
        d => time(d.finishedAt) > time(cause.finishedAt),
      );
      const unattributable =
        !incident.deploymentId &&
        (opened - time(cause.finishedAt) > 4 * HOUR ||
          (next !== undefined && time(next.finishedAt) <= opened));
      const minutes = (time(incident.resolvedAt) - opened) / 60_000;
      const badDuration =
        incident.resolvedAt !== undefined &&
        !incident.id.endsWith('-ongoing') &&
        (minutes < 15 || minutes > 8 * 60);
      return unattributable || badDuration;
    });
    expect(incidents.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it('gives entities different delivery profiles', () => {
    const { deployments } = records(history);
    const perEntity = DEMO_ENTITY_REFS.map(
      ref =>
        deployments.filter(
          d =>
            d.entityRef === ref &&
            d.environment === 'prod' &&
            d.status === 'succeeded',
        ).length,
    );
    // Several a day for some, a few a quarter for others.
    expect(Math.max(...perEntity)).toBeGreaterThan(90);
    expect(Math.min(...perEntity)).toBeLessThan(10);
  });

  it('may end with a deployment to staging still in progress', () => {
    const { deployments } = records(history);
    const running = deployments.filter(d => d.status === 'in_progress');
    expect(running.map(d => d.environment)).toContain('staging');
    const next = records(
      generateDemoHistory({
        entityRefs: DEMO_ENTITY_REFS,
        environments: ENVIRONMENTS,
        now: new Date(NOW.getTime() + DAY),
      }),
    );
    for (const deployment of running) {
      const later = next.deployments.find(d => d.id === deployment.id);
      expect(later?.status).toMatch(/^(succeeded|failed)$/);
    }
  });

  it('ends every day with a version that may go to production: newer than prod, an hour in staging', () => {
    for (let day = 0; day < 60; day++) {
      const end = Date.parse('2026-11-20T00:00:00Z') + day * DAY;
      const { deployments } = records(
        generateDemoHistory({
          entityRefs: ['component:default/timetable-service'],
          environments: ENVIRONMENTS,
          now: new Date(end),
        }),
      );
      const runningIn = (environment: string) =>
        deployments
          .filter(
            d => d.environment === environment && d.status === 'succeeded',
          )
          .sort((a, b) => time(a.finishedAt) - time(b.finishedAt))
          .pop()!;
      const staging = runningIn('staging');
      expect(
        compare(staging.version, runningIn('prod').version),
      ).toBeGreaterThan(0);
      expect(time(staging.finishedAt)).toBeLessThanOrEqual(end - HOUR);
    }
  });

  it('works with other environment lists', () => {
    const refs = [
      'component:default/payments-api',
      'component:default/timetable-service',
    ];
    const twoStages = generateDemoHistory({
      entityRefs: refs,
      environments: [
        { name: 'test', production: false },
        { name: 'live', production: true },
      ],
      now: NOW,
    });
    expect(new Set(twoStages.map(e => e.environment))).toEqual(
      new Set(['test', 'live']),
    );
    const noProduction = generateDemoHistory({
      entityRefs: refs,
      environments: [{ name: 'dev', production: false }],
      now: NOW,
    });
    expect(noProduction.length).toBeGreaterThan(0);
    expect(noProduction.every(e => e.type === 'deployment')).toBe(true);
    expect(
      generateDemoHistory({ entityRefs: refs, environments: [], now: NOW }),
    ).toEqual([]);
  });
});
