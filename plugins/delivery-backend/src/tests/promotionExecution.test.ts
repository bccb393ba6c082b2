import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { deliveryExecutorsExtensionPoint } from '@domain-delivery/backstage-plugin-delivery-node';
import {
  ENGINEER,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

const PARKING = 'component:default/parking-api';

function executorModule(
  type: string,
  execute: () => Promise<{
    message?: string;
    deploymentStatus?: 'in_progress';
    url?: string;
  }>,
) {
  return createBackendModule({
    pluginId: 'delivery',
    moduleId: `test-${type}`,
    register(env) {
      env.registerInit({
        deps: { executors: deliveryExecutorsExtensionPoint },
        async init({ executors }) {
          executors.addExecutor({ type, execute });
        },
      });
    },
  });
}

describe('promotion execution', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'fails a promotion whose executor crashed, once its claim is stale, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { engineer, runExecutionTask } = await startPromotionBackend({
        knex,
        config: {
          delivery: {
            environments: environmentsConfig(),
            promotions: { executionTimeout: '1m' },
          },
        },
      });
      const claimedAt = (minutesAgo: number) =>
        Date.now() - minutesAgo * 60_000;
      const row = (id: string, minutesAgo: number) => ({
        id,
        entity_ref: PARKING,
        environment: 'staging',
        version: '1.2.0',
        trigger: 'promotion',
        reason: 'Release',
        state: 'executing',
        requested_by: ENGINEER,
        requested_at: claimedAt(minutesAgo + 1),
        updated_at: claimedAt(minutesAgo),
        required_approvals: 0,
        approvers: '[]',
        allow_self_approval: false,
        open_key: `${PARKING}|${id}`,
        claim_token: `claim-${id}`,
        claimed_at: claimedAt(minutesAgo),
      });
      await knex('promotions').insert([row('crashed', 10), row('running', 0)]);

      await runExecutionTask();

      const crashed = (await engineer.get('/promotions/crashed')).body;
      expect(crashed.state).toBe('failed');
      expect(crashed.message).toBe(
        'The executor did not finish within 1 min (it may have crashed, or its backend stopped); check the target environment before promoting again',
      );
      expect(crashed.transitions).toEqual([
        expect.objectContaining({
          from: 'executing',
          to: 'failed',
          actor: 'plugin:delivery',
          comment: crashed.message,
        }),
      ]);
      expect((await engineer.get('/promotions/running')).body.state).toBe(
        'executing',
      );
    },
  );

  it('fails a promotion whose executor does not finish in time, saying how long it waited to the second', async () => {
    const { engineer, postEvents, waitForState } = await startPromotionBackend({
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: environmentsConfig({}, 'stuck'),
          promotions: { executionTimeout: '1s' },
        },
      },
      features: [executorModule('stuck', () => new Promise(() => {}))],
    });
    await postEvents([deployed('parking-api', 'dev', '1.0.0', 60)]);
    const { body } = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'staging',
      version: '1.0.0',
      reason: 'Try',
    });
    const done = await waitForState(body.id, ['failed', 'succeeded']);
    expect(done).toMatchObject({
      state: 'failed',
      message: 'The stuck executor did not finish within 1 s',
    });
  });

  it("uses a module's executor, and records a deployment still in progress when the executor says so", async () => {
    const { engineer, postEvents, waitForState } = await startPromotionBackend({
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: { environments: environmentsConfig({}, 'github-pr') },
      },
      features: [
        executorModule('github-pr', async () => ({
          message: 'Opened pull request #7',
          url: 'https://github.com/acme/gitops/pull/7',
          deploymentStatus: 'in_progress',
        })),
      ],
    });
    await postEvents([deployed('parking-api', 'dev', '1.0.0', 60)]);
    const { body } = await engineer.post('/promotions', {
      entityRef: PARKING,
      environment: 'staging',
      version: '1.0.0',
      reason: 'Try',
    });
    const done = await waitForState(body.id, ['failed', 'succeeded']);
    expect(done).toMatchObject({
      state: 'succeeded',
      message: 'Opened pull request #7',
      url: 'https://github.com/acme/gitops/pull/7',
    });
    const [deployment] = (
      await engineer.get(
        `/deployments?entityRef=${PARKING}&environment=staging`,
      )
    ).body.items;
    expect(deployment).toMatchObject({
      id: `promotion-${body.id}`,
      status: 'in_progress',
      url: 'https://github.com/acme/gitops/pull/7',
    });
    expect(deployment.finishedAt).toBeUndefined();
  });
});
