import { SimulatedDeployment } from './simulatedHistory';
import { waitingRelease } from './waitingRelease';

const HOUR = 3_600_000;
const END = Date.parse('2026-11-20T00:00:00Z');
const ENVIRONMENTS = [
  { name: 'dev', production: false },
  { name: 'staging', production: false },
  { name: 'prod', production: true },
];

function deployment(
  environment: string,
  version: string,
  hoursBeforeEnd: number,
): SimulatedDeployment {
  const finishedAt = END - hoursBeforeEnd * HOUR;
  return {
    id: `demo-x-${environment}-${version}`,
    environment,
    version,
    commitSha: 'a'.repeat(40),
    commits: [],
    status: 'succeeded',
    trigger: environment === 'dev' ? 'pipeline' : 'promotion',
    startedAt: finishedAt - 600_000,
    finishedAt,
    number: 1,
    actor: environment === 'dev' ? undefined : 'user:default/priya-nair',
    reportedInProgress: false,
  };
}

const options = (deployments: SimulatedDeployment[]) => ({
  entityRef: 'component:default/x',
  idPrefix: 'demo-x',
  environments: ENVIRONMENTS,
  deployments,
  end: END,
});

describe('waitingRelease', () => {
  it('adds none when staging runs a newer version than prod, for an hour already', () => {
    expect(
      waitingRelease(
        options([
          deployment('prod', '1.4.0', 30),
          deployment('dev', '1.5.0', 10),
          deployment('staging', '1.5.0', 9),
        ]),
      ),
    ).toEqual([]);
  });

  it('cuts a release through dev and staging when prod runs what staging runs', () => {
    const waiting = waitingRelease(
      options([
        deployment('dev', '1.5.0', 30),
        deployment('staging', '1.5.0', 29),
        deployment('prod', '1.5.0', 20),
      ]),
    );

    expect(waiting.map(d => [d.id, d.environment, d.version])).toEqual([
      ['demo-x-dev-waiting', 'dev', '1.5.1'],
      ['demo-x-staging-waiting', 'staging', '1.5.1'],
    ]);
    expect(waiting[1]).toMatchObject({
      trigger: 'promotion',
      status: 'succeeded',
      actor: 'user:default/priya-nair',
    });
    expect(waiting[1].finishedAt).toBeLessThanOrEqual(END - HOUR);
    expect(waiting[0].commits).toEqual(waiting[1].commits);
  });

  it('comes after the last rollout before production, and not at all when that leaves no hour to soak', () => {
    const late = waitingRelease(
      options([
        deployment('staging', '1.5.0', 29),
        deployment('prod', '1.5.0', 20),
        deployment('dev', '1.5.0', 3.5),
      ]),
    );
    expect(late[0].startedAt).toBeGreaterThan(END - 3.5 * HOUR);

    expect(
      waitingRelease(
        options([
          deployment('staging', '1.5.0', 29),
          deployment('prod', '1.5.0', 20),
          deployment('dev', '1.6.0', 1.5),
        ]),
      ),
    ).toEqual([]);
  });

  it('is the same for the same history', () => {
    const history = [
      deployment('staging', '1.5.0', 29),
      deployment('prod', '1.5.0', 20),
    ];
    expect(waitingRelease(options(history))).toEqual(
      waitingRelease(options(history)),
    );
  });
});
