import { webhookExample } from '../__testUtils__/webhookExamples';
import { webhookRepository } from '../githubRepository';
import { deploymentEvents } from './deploymentEvents';
import { deploymentState } from './deploymentState';

describe('deploymentEvents', () => {
  const example = () => webhookExample('deployment', 'created');

  function eventsOf(
    deployment: ReturnType<typeof example>['deployment'],
    entityRefs = ['component:default/hello-world'],
  ) {
    const { repository } = example();
    return deploymentEvents({
      report: {
        repository: webhookRepository(repository),
        deployment,
        state: deploymentState('success', '2019-05-15T15:30:00Z')!,
      },
      environment: 'prod',
      entityRefs,
    });
  }

  it('names the version and trigger the deployment payload gives', () => {
    const { deployment } = example();
    deployment.payload = { version: '1.4.2', trigger: 'rollback' };
    expect(eventsOf(deployment)).toEqual([
      expect.objectContaining({ version: '1.4.2', trigger: 'rollback' }),
    ]);
  });

  it('takes the commit for the version and pipeline for the trigger otherwise', () => {
    const { deployment } = example();
    deployment.payload = { trigger: 'a cron job' };
    expect(eventsOf(deployment)).toEqual([
      expect.objectContaining({
        version: 'f95f852bd8fc',
        trigger: 'pipeline',
        status: 'succeeded',
        finishedAt: '2019-05-15T15:30:00Z',
      }),
    ]);
  });

  it('gives each entity of a shared repository a record of its own', () => {
    const { deployment } = example();
    expect(
      eventsOf(deployment, [
        'component:default/api',
        'component:default/worker',
      ]).map(({ id, entityRef }) => ({ id, entityRef })),
    ).toEqual([
      {
        id: 'github-deployment-145988746:component:default/api',
        entityRef: 'component:default/api',
      },
      {
        id: 'github-deployment-145988746:component:default/worker',
        entityRef: 'component:default/worker',
      },
    ]);
  });
});

describe('deploymentState', () => {
  it('leaves out an inactive status, which only says a later deployment replaced this one', () => {
    expect(deploymentState('inactive', '2019-05-15T15:30:00Z')).toBeUndefined();
    expect(deploymentState('error', '2019-05-15T15:30:00Z')).toEqual({
      status: 'failed',
      finishedAt: '2019-05-15T15:30:00Z',
    });
    expect(deploymentState('waiting', '2019-05-15T15:30:00Z')).toEqual({
      status: 'in_progress',
    });
  });
});
