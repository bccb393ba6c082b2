import { TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
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
import {
  ARGOCD_URL,
  PROMETHEUS_URL,
  argoCdApplication,
  argoCdApplicationEndpoint,
  prometheusQueryEndpoint,
  versionEndpoint,
} from '../__testUtils__/verificationPeers';

jest.setTimeout(60_000);

const ENTITY = 'component:default/parking-api';

const HTTP_CHECK = {
  url: 'https://{entity}.{environment}.example.test/version',
  expect: { jsonPath: '$.version', equals: '{version}' },
  successes: 2,
  interval: QUICKLY,
};
const ARGOCD_CHECK = {
  baseUrl: ARGOCD_URL,
  token: 'argocd-token',
  interval: QUICKLY,
};
const ERROR_RATIO =
  'sum(rate(http_requests_total{job="{entity}",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="{entity}"}[5m]))';
const PROMETHEUS_CHECK = {
  baseUrl: PROMETHEUS_URL,
  query: ERROR_RATIO,
  below: 0.05,
  for: { milliseconds: 30 },
  interval: QUICKLY,
};

describe('verification of deployments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  async function start(databaseId: string, staging: JsonObject) {
    return startPromotionBackend({
      knex: await databases.init(databaseId as any),
      entities: [smartCityComponent('parking-api')],
      config: {
        delivery: { environments: verifiedEnvironments({ staging }) },
      },
      features: [recordingExecutor([])],
    });
  }

  describe('HTTP', () => {
    it.each(databases.eachSupportedId())(
      'passes when the service answers the deployed version twice in a row, %p',
      async databaseId => {
        const backend = await start(databaseId, {
          http: { ...HTTP_CHECK, timeout: { seconds: 10 } },
        });
        server.use(
          versionEndpoint('parking-api', 'staging', () => ({
            status: 200,
            version: '1.1.0',
          })),
        );
        await backend.postEvents([
          deployed('parking-api', 'dev', '1.1.0', 5),
          deployed('parking-api', 'staging', '1.1.0', 0),
        ]);

        const started = await latestDeployment(backend, ENTITY, 'staging');
        expect(started.verification).toMatchObject({
          state: 'running',
          checks: [{ kind: 'http', state: 'running' }],
        });

        backend.signals.length = 0;
        const verified = await verifyUntilDone([backend], ENTITY, 'staging');
        // Open pages are told, so that they show it at once.
        expect(backend.signals).toContainEqual({
          recipients: { type: 'broadcast' },
          channel: 'delivery',
          message: {
            type: 'deployment',
            entityRef: ENTITY,
            environment: 'staging',
          },
        });
        expect(verified.verification).toEqual({
          state: 'passed',
          startedAt: expect.any(String),
          finishedAt: expect.any(String),
          checks: [
            {
              kind: 'http',
              state: 'passed',
              target: 'https://parking-api.staging.example.test/version',
              progress: '2 of 2 answers in a row',
              checkedAt: expect.any(String),
            },
          ],
        });

        // The environments answer carries it too; dev verifies nothing.
        const { body } = await backend.engineer.get(
          '/entities/component/default/parking-api/environments',
        );
        const byName = Object.fromEntries(
          body.items.map((item: any) => [item.environment.name, item]),
        );
        expect(byName.staging.current.deployment.verification.state).toBe(
          'passed',
        );
        expect(byName.dev.current.deployment).not.toHaveProperty(
          'verification',
        );
      },
    );

    it.each(databases.eachSupportedId())(
      'fails with what the service answered when it never runs the deployed version, %p',
      async databaseId => {
        const backend = await start(databaseId, {
          http: { ...HTTP_CHECK, timeout: { milliseconds: 200 } },
        });
        server.use(
          versionEndpoint('parking-api', 'staging', () => ({
            status: 200,
            version: '1.0.0',
          })),
        );
        await backend.postEvents([
          deployed('parking-api', 'staging', '1.1.0', 0),
        ]);

        const verified = await verifyUntilDone([backend], ENTITY, 'staging');
        expect(verified.verification?.state).toBe('failed');
        expect(verified.verification?.reason).toMatch(
          /^http check: did not pass within .*: \$\.version is '1\.0\.0', not '1\.1\.0'$/,
        );
        expect(verified.verification?.checks).toEqual([
          expect.objectContaining({
            kind: 'http',
            state: 'failed',
            progress: '0 of 2 answers in a row',
          }),
        ]);
      },
    );
  });

  it.each(databases.eachSupportedId())(
    'never hands the checks and their tokens to browsers, %p',
    async databaseId => {
      const backend = await start(databaseId, {
        argocd: ARGOCD_CHECK,
        prometheus: { ...PROMETHEUS_CHECK, token: 'prometheus-token' },
      });
      const { status, text } = await backend.engineer.get('/environments');
      expect(status).toBe(200);
      expect(text).not.toContain('argocd-token');
      expect(text).not.toContain('prometheus-token');
      expect(text).not.toContain(PROMETHEUS_URL);
    },
  );

  describe('Argo CD', () => {
    it.each(databases.eachSupportedId())(
      'passes when the application is Synced at the promoted GitOps revision and Healthy, %p',
      async databaseId => {
        const backend = await start(databaseId, {
          argocd: { ...ARGOCD_CHECK, timeout: { seconds: 10 } },
        });
        const tokens: string[] = [];
        let looks = 0;
        server.use(
          argoCdApplicationEndpoint(
            'parking-api-staging',
            () => {
              looks++;
              // Still at the previous GitOps commit, then rolling out the
              // executor's commit (as the recording executor reports it).
              const promoted = looks > 1;
              return argoCdApplication({
                name: 'parking-api-staging',
                revision: promoted ? 'gitops-1.1.0' : 'gitops-1.0.0',
                version: promoted ? '1.1.0' : '1.0.0',
                sync: 'Synced',
                health: looks === 2 ? 'Progressing' : 'Healthy',
              });
            },
            tokens,
          ),
        );
        await backend.postEvents([deployed('parking-api', 'dev', '1.1.0', 5)]);
        const { body: promotion } = await backend.engineer.post('/promotions', {
          entityRef: ENTITY,
          environment: 'staging',
          version: '1.1.0',
          reason: 'Ready for staging',
        });
        expect(
          (await backend.waitForState(promotion.id, ['succeeded'])).state,
        ).toBe('succeeded');

        await backend.runVerificationTask();
        const waiting = await latestDeployment(backend, ENTITY, 'staging');
        expect(waiting.verification?.checks[0]).toMatchObject({
          state: 'running',
          reason: 'parking-api-staging is not at 1.1.0 (revision gitops-1.0.0)',
        });

        const verified = await verifyUntilDone([backend], ENTITY, 'staging');
        expect(verified.trigger).toBe('promotion');
        expect(verified.verification).toMatchObject({
          state: 'passed',
          checks: [
            {
              kind: 'argocd',
              state: 'passed',
              target: 'parking-api-staging',
              progress: 'Synced, Healthy',
            },
          ],
        });
        expect(looks).toBe(3);
        expect(new Set(tokens)).toEqual(new Set(['Bearer argocd-token']));
      },
    );

    it.each(databases.eachSupportedId())(
      'fails when the application stays Degraded past the timeout, %p',
      async databaseId => {
        const backend = await start(databaseId, {
          argocd: { ...ARGOCD_CHECK, timeout: { milliseconds: 200 } },
        });
        server.use(
          argoCdApplicationEndpoint('parking-api-staging', () =>
            argoCdApplication({
              name: 'parking-api-staging',
              revision: 'head-1.1.0',
              version: '1.1.0',
              sync: 'Synced',
              health: 'Degraded',
              healthMessage:
                'Deployment "parking-api" exceeded its progress deadline',
            }),
          ),
        );
        await backend.postEvents([
          deployed('parking-api', 'staging', '1.1.0', 0),
        ]);

        const verified = await verifyUntilDone([backend], ENTITY, 'staging');
        expect(verified.verification?.state).toBe('failed');
        expect(verified.verification?.reason).toMatch(
          /^argocd check: did not pass within .*: parking-api-staging is Degraded \(Deployment "parking-api" exceeded its progress deadline\)$/,
        );
      },
    );
  });

  describe('Prometheus', () => {
    it.each(databases.eachSupportedId())(
      'passes when the error ratio stays below the threshold for the period, %p',
      async databaseId => {
        const backend = await start(databaseId, {
          prometheus: PROMETHEUS_CHECK,
        });
        const queries: string[] = [];
        server.use(prometheusQueryEndpoint(() => [0.004, 0.011], queries));
        await backend.postEvents([
          deployed('parking-api', 'staging', '1.1.0', 0),
        ]);

        const verified = await verifyUntilDone([backend], ENTITY, 'staging');
        expect(verified.verification).toMatchObject({
          state: 'passed',
          checks: [{ kind: 'prometheus', state: 'passed' }],
        });
        expect(verified.verification?.checks[0].progress).toMatch(
          /^held for .* of .*$/,
        );
        expect(queries[0]).toBe(
          'sum(rate(http_requests_total{job="parking-api",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="parking-api"}[5m]))',
        );
        expect(queries.length).toBeGreaterThan(1);
      },
    );

    it.each(databases.eachSupportedId())(
      'fails as soon as the error ratio crosses the threshold, %p',
      async databaseId => {
        const backend = await start(databaseId, {
          prometheus: PROMETHEUS_CHECK,
        });
        server.use(prometheusQueryEndpoint(() => [0.004, 0.31]));
        await backend.postEvents([
          deployed('parking-api', 'staging', '1.1.0', 0),
        ]);

        const verified = await verifyUntilDone([backend], ENTITY, 'staging');
        expect(verified.verification).toMatchObject({
          state: 'failed',
          reason: 'prometheus check: the query reached 0.31, not below 0.05',
        });
      },
    );
  });
});
