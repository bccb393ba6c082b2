import { TestDatabases } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  deployed,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';
import {
  QUICKLY,
  latestDeployment,
  recordingExecutor,
  verifiedEnvironments,
  verifyUntilDone,
} from '../__testUtils__/verificationBackend';
import { versionEndpoint } from '../__testUtils__/verificationPeers';

jest.setTimeout(60_000);

const ENTITY = 'component:default/parking-api';

describe('verification across restarts and replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it.each(databases.eachSupportedId())(
    'resumes a verification where a stopped backend left it, even one it held mid-check, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const options = {
        knex,
        entities: [smartCityComponent('parking-api')],
        config: {
          delivery: {
            environments: verifiedEnvironments({
              staging: {
                http: {
                  url: 'https://{entity}.{environment}.example.test/version',
                  successes: 3,
                  interval: QUICKLY,
                  timeout: { minutes: 5 },
                },
              },
            }),
          },
        },
        features: [recordingExecutor([])],
      };
      let answers = 0;
      server.use(
        versionEndpoint('parking-api', 'staging', () => {
          answers++;
          return { status: 200, version: '1.1.0' };
        }),
      );

      const before = await startPromotionBackend(options);
      await before.postEvents([deployed('parking-api', 'staging', '1.1.0', 0)]);
      await before.runVerificationTask();
      expect(
        (await latestDeployment(before, ENTITY, 'staging')).verification
          ?.checks[0].progress,
      ).toBe('1 of 3 answers in a row');

      // The backend stops while it holds the verification mid-check.
      await before.stop();
      await knex('deployment_verifications').update({
        claim_token: 'held-by-the-stopped-backend',
        claimed_at: Date.now(),
      });
      const after = await startPromotionBackend(options);
      await after.runVerificationTask();
      expect(answers).toBe(1); // Held: no one else looks at it meanwhile.

      // Once the claim is stale, the other backend carries on from 1 of 3.
      await knex('deployment_verifications').update({
        claimed_at: Date.now() - 10 * 60_000,
      });
      const verified = await verifyUntilDone([after], ENTITY, 'staging');
      expect(verified.verification).toMatchObject({
        state: 'passed',
        checks: [{ state: 'passed', progress: '3 of 3 answers in a row' }],
      });
      expect(answers).toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'looks at each check once per interval however many replicas run the task, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const options = {
        knex,
        entities: [smartCityComponent('parking-api')],
        config: {
          delivery: {
            environments: verifiedEnvironments({
              staging: {
                http: {
                  url: 'https://{entity}.{environment}.example.test/version',
                  successes: 2,
                  interval: { minutes: 10 },
                  timeout: { hours: 1 },
                },
              },
            }),
          },
        },
        features: [recordingExecutor([])],
      };
      let answers = 0;
      server.use(
        versionEndpoint('parking-api', 'staging', () => {
          answers++;
          return { status: 200, version: '1.1.0' };
        }),
      );
      const first = await startPromotionBackend(options);
      const second = await startPromotionBackend(options);
      await first.postEvents([deployed('parking-api', 'staging', '1.1.0', 0)]);

      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          [first, second][i % 2].runVerificationTask(),
        ),
      );

      expect(answers).toBe(1);
      expect(
        (await latestDeployment(first, ENTITY, 'staging')).verification,
      ).toMatchObject({
        state: 'running',
        checks: [{ progress: '1 of 2 answers in a row' }],
      });
    },
  );
});
