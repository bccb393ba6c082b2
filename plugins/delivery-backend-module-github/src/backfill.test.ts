import { pipelineRunEvents } from './pipelines/pipelineRunEvents';
import { BACKFILL_TASK_ID } from './backfill/GitHubBackfill';
import { CapturedTasks } from './__testUtils__/capturedTasks';
import { GitHubStandIn } from './__testUtils__/GitHubStandIn';
import {
  HELLO_WORLD_REF,
  startWebhookBackend,
} from './__testUtils__/webhookBackend';
import { webhookExample } from './__testUtils__/webhookExamples';

// The webhook's own mapping, counted.
jest.mock('./pipelines/pipelineRunEvents', () => {
  const actual = jest.requireActual('./pipelines/pipelineRunEvents');
  return { ...actual, pipelineRunEvents: jest.fn(actual.pipelineRunEvents) };
});

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const BACKFILL = {
  deployments: {
    environments: [{ github: 'production', environment: 'prod' }],
  },
  backfill: { days: 90 },
};

describe('the GitHub backfill', () => {
  const github = new GitHubStandIn();
  let apiBaseUrl: string;
  beforeAll(async () => {
    apiBaseUrl = await github.start();
  });
  afterAll(() => github.stop());

  async function start() {
    const tasks = new CapturedTasks();
    const backend = await startWebhookBackend({
      apiBaseUrl,
      github: BACKFILL,
      features: [tasks.factory],
    });
    return {
      backend,
      tasks,
      backfill: async () => {
        github.resetCounts();
        await tasks.run(BACKFILL_TASK_ID);
        return github.resetCounts();
      },
    };
  }

  it('fills the window on its first run, then asks one conditional question per list when nothing happened', async () => {
    const now = Date.now();
    const repository = github.repository('Codertocat', 'Hello-World');
    const old = repository.commit(now - 120 * DAY, 'Start');
    repository.deploy(old.sha, 'production', now - 100 * DAY, [
      ['success', now - 100 * DAY + HOUR],
    ]);
    const first = repository.commit(now - 30 * DAY, 'Add the parking meter');
    repository.deploy(first.sha, 'production', now - 29 * DAY, [
      ['in_progress', now - 29 * DAY],
      ['success', now - 29 * DAY + HOUR],
      ['inactive', now - 10 * DAY],
    ]);
    repository.commit(
      now - 12 * DAY,
      'Refund in the customer’s currency\n\nWhy.',
      'mona',
    );
    const second = repository.commit(
      now - 11 * DAY,
      'Tariffs per zone',
      'hubot',
    );
    const deployed = repository.deploy(
      second.sha,
      'production',
      now - 10 * DAY,
      [['success', now - 10 * DAY + HOUR]],
    );
    // Not an environment of the portal: left out, as the webhook leaves it.
    repository.deploy(second.sha, 'github-pages', now - 10 * DAY, [
      ['success', now - 10 * DAY],
    ]);
    for (let day = 94.875; day > 0; day -= 0.25) {
      repository.run(now - day * DAY);
    }

    const { backend, tasks, backfill } = await start();
    expect(tasks.tasks.get(BACKFILL_TASK_ID)).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
    });

    const firstRun = await backfill();
    const recorded = await backend.deployments();
    expect(recorded).toEqual([
      expect.objectContaining({
        id: `github-deployment-${deployed.id}`,
        environment: 'prod',
        version: second.sha.slice(0, 12),
        status: 'succeeded',
        finishedAt: new Date(now - 10 * DAY + HOUR)
          .toISOString()
          .replace(/\.\d{3}Z$/, '.000Z'),
        commits: [
          expect.objectContaining({
            sha: second.sha,
            message: 'Tariffs per zone',
            author: 'hubot',
          }),
          expect.objectContaining({
            message: 'Refund in the customer’s currency',
            author: 'mona',
          }),
        ],
      }),
      expect.objectContaining({
        status: 'succeeded',
        commits: [
          expect.objectContaining({
            sha: first.sha,
            message: 'Add the parking meter',
          }),
        ],
      }),
    ]);
    // 90 days of runs, four a day, handed to the pipeline-run mapping.
    expect(pipelineRunEvents).toHaveBeenCalledTimes(360);
    expect(pipelineRunEvents).toHaveBeenCalledWith(
      expect.objectContaining({ id: repository.runs[0].id }),
      [HELLO_WORLD_REF],
    );
    expect(await backend.pipelineRuns()).toContainEqual(
      expect.objectContaining({
        id: `github-workflow-run-${repository.runs[0].id}-attempt-1`,
        entityRef: HELLO_WORLD_REF,
      }),
    );
    expect(firstRun.byRoute['GET actions/runs']).toBe(4);

    const refresh = await backfill();
    expect(refresh).toEqual({
      requests: 2,
      notModified: 2,
      refused: 0,
      byRoute: { 'GET deployments': 1, 'GET actions/runs': 1 },
    });
    expect(await backend.deployments()).toEqual(recorded);
  });

  it('later reads only what changed: a new deployment, a status of one in progress, a new run', async () => {
    const now = Date.now();
    const repository = github.repository('Codertocat', 'Hello-World');
    const { backend, backfill } = await start();
    await backfill();
    jest.mocked(pipelineRunEvents).mockClear();

    const commit = repository.commit(now - HOUR, 'Night tariffs');
    const deployment = repository.deploy(commit.sha, 'production', now - HOUR, [
      ['in_progress', now - HOUR],
    ]);
    repository.run(now - HOUR);
    const rollingOut = await backfill();
    expect(
      (await backend.deployments()).find(
        d => d.id === `github-deployment-${deployment.id}`,
      ),
    ).toMatchObject({ status: 'in_progress' });
    expect(rollingOut.notModified).toBe(0);
    expect(pipelineRunEvents).toHaveBeenCalledTimes(1);

    repository.setStatus(deployment, 'success', now - HOUR / 2);
    const finished = await backfill();
    expect(
      (await backend.deployments()).find(
        d => d.id === `github-deployment-${deployment.id}`,
      ),
    ).toMatchObject({
      status: 'succeeded',
      commits: [expect.objectContaining({ message: 'Night tariffs' })],
    });
    // The list again (changed), the deployment's statuses, and, as a webhook
    // asks them, the environment's earlier deployments and its commits.
    expect(finished.byRoute).toEqual({
      'GET deployments': 2,
      'GET deployments/:id/statuses': 2,
      'GET compare/:id': 1,
      'GET actions/runs': 1,
    });
  });

  it('gives a deployment the webhook recorded the same record', async () => {
    const example = webhookExample('deployment_status', 'created');
    const repository = github.repository('Codertocat', 'Hello-World');
    const deployment = repository.deploy(
      example.deployment.sha,
      'production',
      Date.now() - DAY,
      [['success', Date.now() - DAY + HOUR]],
    );
    const { backend, backfill } = await start();
    example.deployment.id = deployment.id;
    example.deployment.created_at = deployment.created_at;
    example.deployment_status.created_at = deployment.statuses[0].created_at;
    example.deployment_status.target_url = deployment.statuses[0].target_url;
    example.deployment_status.log_url = deployment.statuses[0].log_url;
    await backend.deliver('deployment_status', example);
    const [byWebhook] = (await backend.deployments()).filter(
      d => d.id === `github-deployment-${deployment.id}`,
    );
    await backfill();
    const records = (await backend.deployments()).filter(
      d => d.id === `github-deployment-${deployment.id}`,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: byWebhook.id,
      version: byWebhook.version,
      status: byWebhook.status,
      startedAt: byWebhook.startedAt,
      finishedAt: byWebhook.finishedAt,
      url: byWebhook.url,
    });
  });

  it('waits out the rate limit rather than failing', async () => {
    const now = Date.now();
    const repository = github.repository('Acme', 'Rate-Limited');
    const commit = repository.commit(now - 2 * DAY, 'First');
    const deployment = repository.deploy(commit.sha, 'production', now - DAY, [
      ['success', now - DAY],
    ]);
    const tasks = new CapturedTasks();
    const backend = await startWebhookBackend({
      apiBaseUrl,
      github: BACKFILL,
      features: [tasks.factory],
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'rate-limited',
            annotations: { 'github.com/project-slug': 'Acme/Rate-Limited' },
          },
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        },
      ],
    });
    // More refusals than the client's own throttling tries again.
    github.exhaustRateLimit(5);
    github.resetCounts();
    await tasks.run(BACKFILL_TASK_ID);
    expect(github.counts.refused).toBe(5);
    expect(await backend.deployments('component:default/rate-limited')).toEqual(
      [expect.objectContaining({ id: `github-deployment-${deployment.id}` })],
    );
  });
});
