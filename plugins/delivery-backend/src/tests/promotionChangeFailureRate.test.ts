import { DeploymentEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { localGitOpsPromotionBackend } from '../__testUtils__/localGitOpsPromotionBackend';
import {
  deployed,
  smartCityComponent,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';
const LIGHTING = 'component:default/lighting-api';
const DAY = 24 * 60; // minutes

const rollback = (event: DeploymentEvent): DeploymentEvent => ({
  ...event,
  trigger: 'rollback',
});

const incidentOf = (id: string, deployment: DeploymentEvent) => ({
  type: 'incident',
  id,
  entityRef: deployment.entityRef,
  environment: deployment.environment,
  openedAt: new Date(
    Date.parse(deployment.finishedAt!) + 10 * 60_000,
  ).toISOString(),
  deploymentId: deployment.id,
});

// parking-api in prod, newest last:
//   40 d ago  1.0.0  an incident names it       outside the 30 days
//   20 d ago  1.1.0  an incident names it       failed
//   10 d ago  1.2.0  rolled back by the next    failed
//    9 d ago  1.1.0  the rollback               fine
//    3 d ago  1.3.0  status failed              no deployment
//    2 d ago  1.3.0                             fine
// Four deployments in the 30 days, two failed: 2 / 4. Counting the one of
// 40 days ago would give 3 / 5. Staging's failures never count.
const outside = deployed('parking-api', 'prod', '1.0.0', 40 * DAY);
const withIncident = deployed('parking-api', 'prod', '1.1.0', 20 * DAY);
const stagingFailure = deployed('parking-api', 'staging', '1.3.5', 5 * DAY);
const history = (): DeploymentEvent[] => [
  deployed('parking-api', 'staging', '1.0.0', 41 * DAY),
  outside,
  deployed('parking-api', 'staging', '1.1.0', 21 * DAY),
  withIncident,
  deployed('parking-api', 'staging', '1.2.0', 11 * DAY),
  deployed('parking-api', 'prod', '1.2.0', 10 * DAY),
  rollback(deployed('parking-api', 'prod', '1.1.0', 9 * DAY)),
  deployed('parking-api', 'staging', '1.3.0', 4 * DAY),
  { ...deployed('parking-api', 'prod', '1.3.0', 3 * DAY), status: 'failed' },
  deployed('parking-api', 'prod', '1.3.0', 2 * DAY),
  stagingFailure,
  { ...deployed('parking-api', 'staging', '1.3.6', 4 * 60), status: 'failed' },
  deployed('parking-api', 'staging', '1.4.0', 3 * 60),
  // lighting-api ran in prod only before the 30 days.
  deployed('lighting-api', 'staging', '2.0.0', 45 * DAY),
  deployed('lighting-api', 'prod', '2.0.0', 44 * DAY),
  deployed('lighting-api', 'staging', '2.1.0', 3 * 60),
];

describe('the change failure rate in the promotion preview', () => {
  const start = localGitOpsPromotionBackend({
    entities: [
      smartCityComponent('parking-api'),
      smartCityComponent('lighting-api'),
    ],
    history,
  });

  async function startWithIncidents() {
    const backend = await start();
    const posted = await backend.postEvents([
      incidentOf('pd-outside', outside),
      incidentOf('pd-inside', withIncident),
      incidentOf('pd-staging', stagingFailure),
    ]);
    expect(posted.status).toBe(200);
    return backend;
  }

  it("is the entity's DORA change failure rate of the last 30 days for a production target", async () => {
    const { engineer } = await startWithIncidents();

    const preview = await engineer.post('/promotions/preview', {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.4.0',
    });

    expect(preview.status).toBe(200);
    expect(preview.body.changeFailureRate).toBe(2 / 4);

    // The same number GET /dora gives for those 30 days.
    const to = new Date();
    const from = new Date(to.getTime() - 30 * DAY * 60_000);
    const query = new URLSearchParams({
      entityRef: PARKING,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    const dora = await engineer.get(`/dora?${query}`);
    expect(dora.body.summary).toMatchObject({
      deployments: 4,
      failedDeployments: 2,
      changeFailureRate: 0.5,
    });
  });

  it('is null for a non-production target, whose failures DORA does not rate', async () => {
    const { engineer } = await startWithIncidents();

    const preview = await engineer.post('/promotions/preview', {
      entityRef: PARKING,
      environment: 'staging',
      version: '1.3.6',
      trigger: 'hotfix',
    });

    expect(preview.status).toBe(200);
    expect(preview.body.changeFailureRate).toBeNull();
  });

  it('is null when no production deployment finished in the last 30 days', async () => {
    const { engineer } = await startWithIncidents();

    const preview = await engineer.post('/promotions/preview', {
      entityRef: LIGHTING,
      environment: 'prod',
      version: '2.1.0',
    });

    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      currentVersion: '2.0.0',
      changeFailureRate: null,
    });
  });
});
