import { createBackendModule } from '@backstage/backend-plugin-api';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  DeploymentGateAnswer,
  DeploymentGateConnection,
  deliveryDeploymentGatesExtensionPoint,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { join } from 'node:path';
import {
  ADMIN,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';

/** A gate as a module adds it: it keeps its connection and the answers it is given. */
function testGate() {
  const answers: DeploymentGateAnswer[] = [];
  let connection: DeploymentGateConnection | undefined;
  const module = createBackendModule({
    pluginId: 'delivery',
    moduleId: 'test-gate',
    register(env) {
      env.registerInit({
        deps: { gates: deliveryDeploymentGatesExtensionPoint },
        async init({ gates }) {
          gates.addDeploymentGate({
            getGateName: () => 'github',
            connect: async given => {
              connection = given;
            },
            answer: async answer => {
              answers.push(answer);
            },
          });
        },
      });
    },
  });
  return {
    module,
    answers,
    request: (runId: number) =>
      connection!.request({
        key: `github.com/smart-city/parking-api/runs/${runId}/production`,
        entityRef: PARKING,
        environment: 'prod',
        version: '1.2.0',
        reason: `GitHub asks to deploy 1.2.0: workflow run ${runId}`,
        requestedBy: 'github:octocat',
        url: `https://github.com/smart-city/parking-api/actions/runs/${runId}`,
        callback: { runId },
      }),
  };
}

describe('deployment gates', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  async function start() {
    const gate = testGate();
    const backend = await startPromotionBackend({
      entities: [smartCityComponent('parking-api')],
      features: [gate.module],
      config: {
        delivery: {
          environments: environmentsConfig(),
          gitops: { local: { path: join(mockDir.path, 'gitops') } },
        },
      },
    });
    await backend.postEvents([
      deployed('parking-api', 'dev', '1.2.0', 300),
      deployed('parking-api', 'staging', '1.2.0', 120),
    ]);
    return { ...backend, gate };
  }

  async function answered(answers: DeploymentGateAnswer[], count: number) {
    const deadline = Date.now() + 10_000;
    while (answers.length < count && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    expect(answers).toHaveLength(count);
  }

  it('lets the promotion that the approved job requests count the approval GitHub’s request got', async () => {
    const { gate, admin, engineer, waitForState } = await start();
    const decision = await gate.request(42);
    expect(decision.state).toBe('pending_approval');
    expect(
      (await admin.post(`/promotions/${decision.promotionId}/approve`)).status,
    ).toBe(200);
    await answered(gate.answers, 1);
    expect(gate.answers[0]).toMatchObject({
      state: 'approved',
      comment: `Approved in the Domain Delivery portal by ${ADMIN}`,
    });
    await waitForState(decision.promotionId, ['succeeded']);

    // The job behind the GitHub environment now asks the portal to carry it out.
    const request = {
      entityRef: PARKING,
      environment: 'prod',
      version: '1.2.0',
      reason:
        'Requested by https://github.com/smart-city/parking-api/actions/runs/42',
    };
    const carriedOut = await engineer.post('/promotions', request);
    expect(carriedOut.status).toBe(201);
    expect(carriedOut.body.state).toBe('approved');
    const promotion = await waitForState(carriedOut.body.id, ['succeeded']);
    expect(promotion.transitions?.[0].comment).toContain(
      `approved through github's deployment protection rule by ${ADMIN} (promotion ${decision.promotionId})`,
    );
  });
});
