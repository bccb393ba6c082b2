import { TestDatabases } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  deployed,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';
import {
  QUICKLY,
  recordingExecutor,
  verifiedEnvironments,
  verifyUntilDone,
} from '../__testUtils__/verificationBackend';
import { versionEndpoint } from '../__testUtils__/verificationPeers';

jest.setTimeout(60_000);

const ENTITY = 'component:default/parking-api';
const TO_PROD = {
  entityRef: ENTITY,
  environment: 'prod',
  version: '1.1.0',
  reason: 'Release',
};

describe('the verified_in_source rule', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  async function start(databaseId: string) {
    return startPromotionBackend({
      knex: await databases.init(databaseId as any),
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: {
          environments: verifiedEnvironments({
            staging: {
              http: {
                url: 'https://{entity}.{environment}.example.test/version',
                successes: 1,
                interval: QUICKLY,
                timeout: { milliseconds: 200 },
              },
            },
            prodPromotion: { requireVerifiedSource: true },
          }),
        },
      },
      features: [recordingExecutor([])],
    });
  }

  it.each(databases.eachSupportedId())(
    'refuses a version still being verified in staging, and says why, then lets it through once it passed, %p',
    async databaseId => {
      const backend = await start(databaseId);
      let healthy = false;
      server.use(
        versionEndpoint('parking-api', 'staging', () =>
          healthy ? { status: 200, version: '1.1.0' } : { status: 503 },
        ),
      );
      await backend.postEvents([
        deployed('parking-api', 'staging', '1.1.0', 0),
      ]);

      const refused = await backend.engineer.post('/promotions', TO_PROD);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        'Refused by the verified in source rule: 1.1.0 is still being verified there; prod takes only versions whose verification passed in staging',
      );
      const preview = await backend.engineer.post(
        '/promotions/preview',
        TO_PROD,
      );
      expect(preview.body.violations).toEqual([
        {
          rule: 'verified_in_source',
          message:
            '1.1.0 is still being verified there; prod takes only versions whose verification passed in staging',
        },
      ]);

      healthy = true;
      await verifyUntilDone([backend], ENTITY, 'staging');
      const accepted = await backend.engineer.post('/promotions', TO_PROD);
      expect(accepted.status).toBe(201);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a version whose verification failed in staging, naming the failure, unless it is a hotfix, %p',
    async databaseId => {
      const backend = await start(databaseId);
      server.use(
        versionEndpoint('parking-api', 'staging', () => ({ status: 503 })),
      );
      await backend.postEvents([
        deployed('parking-api', 'staging', '1.1.0', 0),
      ]);
      await verifyUntilDone([backend], ENTITY, 'staging');

      const refused = await backend.engineer.post('/promotions', TO_PROD);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(
        /^Refused by the verified in source rule: 1\.1\.0 failed its verification there \(http check: did not pass within .*: https:\/\/parking-api\.staging\.example\.test\/version answered 503\); prod takes only versions whose verification passed in staging$/,
      );

      const hotfix = await backend.engineer.post('/promotions', {
        ...TO_PROD,
        trigger: 'hotfix',
      });
      expect(hotfix.status).toBe(201);
    },
  );
});
