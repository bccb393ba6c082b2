import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import {
  deployed,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(60_000);

// A platform team's first start: the plugin added, no `delivery:` config.
describe('the delivery backend without a delivery configuration', () => {
  const workingDirectory = createMockDirectory();
  const startedIn = process.cwd();
  beforeEach(() => {
    workingDirectory.clear();
    // Whatever the backend would write relative to its working directory lands here.
    process.chdir(workingDirectory.path);
  });
  afterEach(() => process.chdir(startedIn));

  it('starts, serves the read API, writes nothing to disk and says why promotions are refused', async () => {
    const logger = mockServices.logger.mock();
    const { engineer, postEvents, runExecutionTask } =
      await startPromotionBackend({
        entities: [smartCityComponent('parking-api')],
        features: [logger.factory],
      });

    expect(logger.warn).toHaveBeenCalledWith(
      'delivery.environments is not configured, so the default environments dev, staging, prod are used, none with an executor: deployments reported for them are shown, but promotions into them are refused. List the environments in delivery.environments, each with an executor (e.g. type github-pr or gitops-local).',
    );

    const environments = await engineer.get('/environments');
    expect(environments.status).toBe(200);
    expect(
      environments.body.items.map((e: { name: string; executor?: unknown }) => [
        e.name,
        e.executor,
      ]),
    ).toEqual([
      ['dev', undefined],
      ['staging', undefined],
      ['prod', undefined],
    ]);

    // CI reports deployments; they are shown.
    expect(
      (await postEvents([deployed('parking-api', 'dev', '1.2.0', 90)])).status,
    ).toBe(200);
    const deployments = await engineer.get(
      '/deployments?entityRef=component:default/parking-api',
    );
    expect(deployments.status).toBe(200);
    expect(
      deployments.body.items.map((d: { version: string }) => d.version),
    ).toEqual(['1.2.0']);

    // Promote is refused before anything is written, naming the key to set.
    const promotion = await engineer.post('/promotions', {
      entityRef: 'component:default/parking-api',
      environment: 'staging',
      version: '1.2.0',
      reason: 'Release',
    });
    expect(promotion.status).toBe(409);
    expect(promotion.body.error.message).toBe(
      'Refused by the executor rule: staging has no executor, so promotions into it cannot be carried out: set delivery.environments[1].executor (e.g. type github-pr or gitops-local)',
    );
    await runExecutionTask();

    expect(fs.readdirSync(workingDirectory.path)).toEqual([]);
  });
});
