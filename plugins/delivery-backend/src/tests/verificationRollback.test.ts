import { TestDatabases } from '@backstage/backend-test-utils';
import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionExecutionRequest } from '@domain-delivery/backstage-plugin-delivery-node';
import knexFactory, { Knex } from 'knex';
import { setupServer } from 'msw/node';
import {
  ENGINEER,
  deployed,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';
import {
  QUICKLY,
  latestDeployment,
  recordingExecutor,
  verifiedEnvironments,
} from '../__testUtils__/verificationBackend';
import { versionEndpoint } from '../__testUtils__/verificationPeers';

jest.setTimeout(120_000);

const ENTITY = 'component:default/parking-api';
const DAY_MS = 24 * 60 * 60_000;

describe('automatic rollback after a failed verification', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const server = setupServer();
  const extraClients: Knex[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await Promise.all(extraClients.map(client => client.destroy()));
  });

  it.each(databases.eachSupportedId())(
    'rolls back once, with two replicas, to the last good version without waiting for approval; DORA counts the failure and its recovery, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // On PostgreSQL the second replica has its own connection pool.
      let otherKnex = knex;
      if (databaseId === 'POSTGRES_15') {
        otherKnex = knexFactory({ ...(knex.client as any).config });
        extraClients.push(otherKnex);
      }
      const executed: PromotionExecutionRequest[] = [];
      const options = (client: Knex) => ({
        knex: client,
        entities: [smartCityComponent('parking-api')],
        config: {
          delivery: {
            notifications: { enabled: true },
            environments: verifiedEnvironments({
              prod: {
                http: {
                  url: 'https://{entity}.{environment}.example.test/version',
                  expect: { jsonPath: '$.version', equals: '{version}' },
                  successes: 1,
                  interval: QUICKLY,
                  timeout: { milliseconds: 300 },
                },
                rollbackOnFailure: true,
                rollbackWithoutApproval: true,
              },
              // Prod needs an admin's approval; the automatic rollback does not wait for it.
              prodPromotion: {
                requiredApprovals: 1,
                approvers: ['group:default/platform-admins'],
              },
            }),
          },
        },
        features: [recordingExecutor(executed)],
      });
      const first = await startPromotionBackend(options(knex));
      const second = await startPromotionBackend(options(otherKnex));
      const replicas = [first, second];

      // 1.1.0 answers 503 in prod; whatever the executor rolls back to is fine.
      server.use(
        versionEndpoint('parking-api', 'prod', () => {
          const running = executed.at(-1)?.version ?? '1.1.0';
          return running === '1.1.0'
            ? { status: 503 }
            : { status: 200, version: running };
        }),
      );
      await first.postEvents([
        // Ran for hours before verification existed: a good version to go back to.
        deployed('parking-api', 'prod', '1.0.0', 600),
        { ...deployed('parking-api', 'prod', '1.1.0', 0), actor: ENGINEER },
      ]);

      // Both replicas run both tasks over and over, as their schedulers would.
      let racing = true;
      const loops = replicas.map(async replica => {
        while (racing) {
          await replica.runVerificationTask();
          await replica.runExecutionTask();
          await new Promise(resolve => setTimeout(resolve, 2));
        }
      });
      const deadline = Date.now() + 20_000;
      let rolledBack = await latestDeployment(first, ENTITY, 'prod');
      while (
        Date.now() < deadline &&
        !(
          rolledBack.trigger === 'rollback' &&
          rolledBack.verification?.state === 'passed'
        )
      ) {
        await new Promise(resolve => setTimeout(resolve, 20));
        rolledBack = await latestDeployment(first, ENTITY, 'prod');
      }
      // A few more rounds, in which nothing more may happen.
      await new Promise(resolve => setTimeout(resolve, 100));
      racing = false;
      await Promise.all(loops);

      expect(rolledBack).toMatchObject({
        version: '1.0.0',
        trigger: 'rollback',
        verification: { state: 'passed' },
      });

      // One rollback, requested by the portal and executed once.
      const { body: promotions } = await first.engineer.get(
        `/promotions?entityRef=${encodeURIComponent(ENTITY)}`,
      );
      const rollbacks = (promotions.items ?? promotions).filter(
        (p: Promotion) => p.trigger === 'rollback',
      );
      expect(rollbacks).toEqual([
        expect.objectContaining({
          version: '1.0.0',
          environment: 'prod',
          state: 'succeeded',
          requestedBy: 'plugin:delivery',
        }),
      ]);
      expect(rollbacks[0].reason).toContain('the verification of 1.1.0 failed');
      expect(executed.map(e => `${e.version} ${e.environment}`)).toEqual([
        '1.0.0 prod',
      ]);

      // The failed deployment says why, and which rollback it requested.
      const { body: history } = await first.engineer.get(
        `/deployments?entityRef=${encodeURIComponent(ENTITY)}&environment=prod`,
      );
      const failed = history.items.find((d: any) => d.version === '1.1.0');
      expect(failed.verification).toMatchObject({
        state: 'failed',
        rollbackPromotionId: rollbacks[0].id,
      });
      expect(failed.verification.reason).toContain('answered 503');

      // The engineer who deployed it and the owners were told, once.
      const told = [...first.sent, ...second.sent].filter(n =>
        n.payload.title.startsWith('Verification of'),
      );
      expect(told).toHaveLength(1);
      expect(told[0].recipients).toEqual({
        type: 'entity',
        entityRef: [ENGINEER, 'group:default/team-smart-city'],
      });
      expect(told[0].payload).toMatchObject({
        title: `Verification of ${ENTITY} 1.1.0 in prod failed`,
        severity: 'high',
      });
      expect(told[0].payload.description).toContain(
        `A rollback to 1.0.0 was requested (promotion ${rollbacks[0].id})`,
      );

      // DORA: 1.1.0 is a failed deployment, recovered when the rollback passed.
      const day = (offset: number) =>
        new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
      const { body: dora } = await first.engineer.get(
        `/dora?entityRef=${encodeURIComponent(ENTITY)}&from=${day(-1)}&to=${day(
          2,
        )}`,
      );
      expect(dora).toHaveProperty('summary');
      expect(dora.summary).toMatchObject({
        deployments: 3,
        failedDeployments: 1,
        openFailures: 0,
      });
      expect(dora.summary.recoveryMedianSeconds).not.toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'never rolls back a rollback, %p',
    async databaseId => {
      const executed: PromotionExecutionRequest[] = [];
      const backend = await startPromotionBackend({
        knex: await databases.init(databaseId),
        entities: [smartCityComponent('parking-api')],
        config: {
          delivery: {
            notifications: { enabled: true },
            environments: verifiedEnvironments({
              prod: {
                http: {
                  url: 'https://{entity}.{environment}.example.test/version',
                  successes: 1,
                  interval: QUICKLY,
                  timeout: { milliseconds: 100 },
                },
                rollbackOnFailure: true,
                rollbackWithoutApproval: true,
              },
            }),
          },
        },
        features: [recordingExecutor(executed)],
      });
      server.use(
        versionEndpoint('parking-api', 'prod', () => ({ status: 503 })),
      );
      await backend.postEvents([
        deployed('parking-api', 'prod', '1.0.0', 600),
        deployed('parking-api', 'prod', '1.1.0', 300),
        {
          ...deployed('parking-api', 'prod', '1.0.0', 0),
          id: 'gha-rollback-1',
          trigger: 'rollback',
        },
      ]);

      const deadline = Date.now() + 10_000;
      let latest = await latestDeployment(backend, ENTITY, 'prod');
      while (
        latest.verification?.state === 'running' &&
        Date.now() < deadline
      ) {
        await backend.runVerificationTask();
        latest = await latestDeployment(backend, ENTITY, 'prod');
      }
      await backend.runVerificationTask();
      await backend.runExecutionTask();

      expect(latest.verification?.state).toBe('failed');
      expect(latest.verification).not.toHaveProperty('rollbackPromotionId');
      expect(executed).toEqual([]);
      const [told] = backend.sent.filter(n =>
        n.payload.title.startsWith('Verification of'),
      );
      expect(told.payload.description).toContain(
        'It was a rollback, which is never rolled back automatically.',
      );
    },
  );
});
