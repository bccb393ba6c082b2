import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PromotionExecutionRequest,
  deliveryExecutorsExtensionPoint,
} from '@domain-delivery/backstage-plugin-delivery-node';
import knexFactory, { Knex } from 'knex';
import {
  ADMIN,
  OTHER_ADMIN,
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(120_000);

const COMPONENTS = Array.from({ length: 10 }, (_, i) => `service-${i}`);

describe('promotion execution across replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const extraClients: Knex[] = [];
  afterAll(async () => {
    await Promise.all(extraClients.map(client => client.destroy()));
  });

  it.each(databases.eachSupportedId())(
    'executes each promotion exactly once when two backends race to approve and execute it, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // On PostgreSQL the second replica has its own connection pool to the
      // same database; an in-memory SQLite database has one connection only.
      let otherKnex = knex;
      if (databaseId === 'POSTGRES_15') {
        otherKnex = knexFactory({ ...(knex.client as any).config });
        extraClients.push(otherKnex);
      }

      // Both replicas' executors count into the same map.
      const executions = new Map<string, number>();
      const countingExecutor = () =>
        createBackendModule({
          pluginId: 'delivery',
          moduleId: 'counting-executor',
          register(env) {
            env.registerInit({
              deps: { executors: deliveryExecutorsExtensionPoint },
              async init({ executors }) {
                executors.addExecutor({
                  type: 'counting',
                  async execute(request: PromotionExecutionRequest) {
                    executions.set(
                      request.promotionId,
                      (executions.get(request.promotionId) ?? 0) + 1,
                    );
                    // Long enough for the other replica to try meanwhile.
                    await new Promise(resolve => setTimeout(resolve, 50));
                    return { message: `counted ${request.promotionId}` };
                  },
                });
              },
            });
          },
        });
      const options = (client: Knex) => ({
        knex: client,
        entities: COMPONENTS.map(smartCityComponent),
        config: {
          delivery: {
            environments: environmentsConfig(
              {
                promotion: {
                  requiredApprovals: 2,
                  approvers: ['group:default/platform-admins'],
                  minimumSoakTime: '0s',
                },
              },
              'counting',
            ),
          },
        },
        features: [countingExecutor()],
      });
      const first = await startPromotionBackend(options(knex));
      const second = await startPromotionBackend(options(otherKnex));
      const replicas = [first, second];

      await first.postEvents(
        COMPONENTS.map(name => deployed(name, 'staging', '1.0.0', 600)),
      );

      // Concurrent requests for the same promotion: one is stored.
      const duplicates = await Promise.all(
        [0, 1, 2, 3, 4, 5].map(i =>
          replicas[i % 2].engineer.post('/promotions', {
            entityRef: `component:default/${COMPONENTS[0]}`,
            environment: 'prod',
            version: '1.0.0',
            reason: 'Release',
          }),
        ),
      );
      expect(duplicates.map(r => r.status).sort()).toEqual([
        201, 409, 409, 409, 409, 409,
      ]);
      const ids = [
        duplicates.find(r => r.status === 201)!.body.id as string,
        ...(
          await Promise.all(
            COMPONENTS.slice(1).map((name, i) =>
              replicas[i % 2].engineer.post('/promotions', {
                entityRef: `component:default/${name}`,
                environment: 'prod',
                version: '1.0.0',
                reason: 'Release',
              }),
            ),
          )
        ).map(response => response.body.id as string),
      ];
      expect(new Set(ids).size).toBe(COMPONENTS.length);

      // Both replicas run the execution task over and over, as a scheduler
      // on each would, while both approvers approve every promotion three
      // times on each replica (each approval that completes one also tries
      // to execute it right away).
      let racing = true;
      const loops = replicas.map(async replica => {
        while (racing) {
          await replica.runExecutionTask();
          await new Promise(resolve => setImmediate(resolve));
        }
      });
      const responses = await Promise.all(
        ids.flatMap(id =>
          [ADMIN, OTHER_ADMIN].flatMap(approver =>
            [0, 1, 2].flatMap(() =>
              replicas.map(replica =>
                replica.as(approver).post(`/promotions/${id}/approve`, {}),
              ),
            ),
          ),
        ),
      );
      expect(new Set(responses.map(r => r.status))).toEqual(
        new Set([200, 409]),
      );

      const promotions = await Promise.all(
        ids.map(id => first.waitForState(id, ['succeeded', 'failed'])),
      );
      racing = false;
      await Promise.all(loops);

      for (const promotion of promotions) {
        expect(promotion.state).toBe('succeeded');
        expect(executions.get(promotion.id)).toBe(1);
        expect(promotion.approvals.map(a => a.approver).sort()).toEqual(
          [ADMIN, OTHER_ADMIN].sort(),
        );
        expect(promotion.transitions!.map(t => t.to)).toEqual([
          'pending_approval',
          'approved',
          'executing',
          'succeeded',
        ]);
      }
      expect(executions.size).toBe(COMPONENTS.length);

      const history = await first.engineer.get(
        '/deployments?environment=prod&limit=100',
      );
      expect(
        history.body.items
          .map((d: { id: string }) => d.id)
          .filter((id: string) => id.startsWith('promotion-'))
          .sort(),
      ).toEqual(ids.map(id => `promotion-${id}`).sort());
    },
  );
});
