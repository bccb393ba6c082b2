import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  commitOnGitHub,
  comparison,
  DESCRIBED,
  listedDeployment,
  listedStatus,
  REPOSITORY_API,
} from './__testUtils__/githubApi';
import {
  HELLO_WORLD,
  HELLO_WORLD_REF,
  OCTO_REPO,
  OCTO_REPO_REF,
  signature,
  startWebhookBackend,
  WebhookBackend,
} from './__testUtils__/webhookBackend';
import {
  webhookExample,
  webhookExamples,
} from './__testUtils__/webhookExamples';

jest.setTimeout(60_000);

// GitHub's example deployment: Codertocat/Hello-World to `production`.
const DEPLOYMENT_ID = 145988746;
const DEPLOYED_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const PREVIOUS_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const BROUGHT = [
  commitOnGitHub(
    '1111111111111111111111111111111111111111',
    '2019-05-15T09:00:00Z',
  ),
  commitOnGitHub(DEPLOYED_SHA, '2019-05-15T14:00:00Z'),
];

describe('GitHub webhooks through the events backend', () => {
  const github = setupServer(
    http.get(`${REPOSITORY_API}/deployments`, ({ request }) =>
      HttpResponse.json(
        new URL(request.url).searchParams.get('environment') === 'production'
          ? [
              listedDeployment(DEPLOYMENT_ID, DEPLOYED_SHA, 'production'),
              listedDeployment(DEPLOYMENT_ID - 1, PREVIOUS_SHA, 'production'),
            ]
          : [],
      ),
    ),
    http.get(
      `${REPOSITORY_API}/deployments/${DEPLOYMENT_ID - 1}/statuses`,
      () => HttpResponse.json([listedStatus('inactive', 'production')]),
    ),
    http.get(
      `${REPOSITORY_API}/compare/${PREVIOUS_SHA}...${DEPLOYED_SHA}`,
      () => HttpResponse.json(comparison(BROUGHT)),
    ),
  );
  beforeAll(() =>
    github.listen({
      // The test's own requests reach the backend; GitHub is only msw.
      onUnhandledRequest: (request, print) => {
        if (
          !['127.0.0.1', 'localhost'].includes(new URL(request.url).hostname)
        ) {
          print.error();
        }
      },
    }),
  );
  afterEach(() => github.resetHandlers());
  afterAll(() => github.close());

  const deploymentCreated = () => webhookExample('deployment', 'created');
  const deploymentSucceeded = () => {
    const example = webhookExample('deployment_status', 'created');
    expect(example.deployment_status.state).toBe('success');
    return example;
  };

  const recorded = {
    id: `github-deployment-${DEPLOYMENT_ID}`,
    entityRef: HELLO_WORLD_REF,
    environment: 'prod',
    version: DEPLOYED_SHA.slice(0, 12),
    commitSha: DEPLOYED_SHA,
    // Newest first, as the delivery API lists them.
    commits: [
      {
        sha: DEPLOYED_SHA,
        committedAt: '2019-05-15T14:00:00.000Z',
        ...DESCRIBED,
      },
      {
        sha: '1111111111111111111111111111111111111111',
        committedAt: '2019-05-15T09:00:00.000Z',
        ...DESCRIBED,
      },
    ],
    status: 'succeeded',
    trigger: 'pipeline',
    startedAt: '2019-05-15T15:20:53.000Z',
    finishedAt: '2019-05-15T15:20:55.000Z',
    actor: 'Codertocat',
    // The example status has no log or target: the environment's deployments.
    url: 'https://github.com/Codertocat/Hello-World/deployments/production',
  };

  async function accepted(
    backend: WebhookBackend,
    event: string,
    payload: object,
  ) {
    const response = await backend.deliver(event, payload);
    expect(response.status).toBe(202);
  }

  it('records a GitHub deployment that succeeded, with the commits since the environment last went out', async () => {
    const backend = await startWebhookBackend();
    await accepted(backend, 'deployment', deploymentCreated());
    expect(await backend.deployments()).toEqual([
      expect.objectContaining({
        id: recorded.id,
        environment: 'prod',
        status: 'in_progress',
      }),
    ]);

    await accepted(backend, 'deployment_status', deploymentSucceeded());
    expect(await backend.deployments()).toEqual([
      expect.objectContaining(recorded),
    ]);
  });

  it('records the same deployment when the success arrives before the deployment, and once when a delivery is repeated', async () => {
    const backend = await startWebhookBackend();
    await accepted(backend, 'deployment_status', deploymentSucceeded());
    await accepted(backend, 'deployment', deploymentCreated());
    await accepted(backend, 'deployment_status', deploymentSucceeded());
    expect(await backend.deployments()).toEqual([
      expect.objectContaining(recorded),
    ]);
  });

  it('records the deployment without its commits when GitHub cannot be read, rather than not at all', async () => {
    github.use(
      http.get(`${REPOSITORY_API}/deployments`, () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    const backend = await startWebhookBackend();
    await accepted(backend, 'deployment_status', deploymentSucceeded());
    const [deployment] = await backend.deployments();
    expect(deployment).toMatchObject({ id: recorded.id, status: 'succeeded' });
    expect(deployment.commits).toEqual([]);
  });

  it('leaves out GitHub environments the portal does not have', async () => {
    const backend = await startWebhookBackend();
    const pages = webhookExample('deployment_status', 'created');
    pages.deployment.environment = 'github-pages';
    pages.deployment_status.environment = 'github-pages';
    await accepted(backend, 'deployment_status', pages);
    expect(await backend.deployments()).toEqual([]);
  });

  it('records an issue labelled as an incident, opened and then closed', async () => {
    const backend = await startWebhookBackend({
      github: { incidents: { label: 'Bug' } },
    });
    const opened = webhookExample('issues', 'opened');
    await accepted(backend, 'issues', opened);
    expect(await backend.incidents()).toEqual([
      {
        id: 'github-issue-444500041',
        entityRef: HELLO_WORLD_REF,
        environment: 'prod',
        openedAt: '2019-05-15T15:20:18.000Z',
        url: opened.issue.html_url,
      },
    ]);

    // GitHub's examples have no `closed` delivery: the opened issue, closed.
    const closed = {
      ...webhookExample('issues', 'opened'),
      action: 'closed',
    };
    closed.issue.state = 'closed';
    closed.issue.closed_at = '2019-05-15T16:00:00Z';
    await accepted(backend, 'issues', closed);
    // A late `opened` delivery does not reopen it.
    await accepted(backend, 'issues', opened);
    expect(await backend.incidents()).toEqual([
      expect.objectContaining({
        id: 'github-issue-444500041',
        resolvedAt: '2019-05-15T16:00:00.000Z',
      }),
    ]);
  });

  it('reports incidents in the environment configured for them', async () => {
    const backend = await startWebhookBackend({
      github: { incidents: { label: 'bug', environment: 'staging' } },
    });
    await accepted(backend, 'issues', webhookExample('issues', 'labeled'));
    expect(await backend.incidents()).toEqual([
      expect.objectContaining({
        id: 'github-issue-444500041',
        environment: 'staging',
      }),
    ]);
  });

  it('takes issues without the incident label (by default `incident`) for what they are', async () => {
    const backend = await startWebhookBackend();
    await accepted(backend, 'issues', webhookExample('issues', 'opened'));
    expect(await backend.incidents()).toEqual([]);
  });

  it("records GitHub's example workflow runs as pipeline runs: requested, then completed, once however often delivered", async () => {
    const backend = await startWebhookBackend({
      entities: [HELLO_WORLD, OCTO_REPO],
    });
    const examples = webhookExample('workflow_run', 'completed');
    expect(examples.repository.full_name).toBe('Codertocat/Hello-World');
    const [requested] = webhookExamples('workflow_run', 'requested').filter(
      example => example.workflow_run.status === 'queued',
    );
    const [succeeded] = webhookExamples('workflow_run', 'completed').filter(
      example => example.workflow_run.conclusion === 'success',
    );
    const runId = succeeded.workflow_run.id;

    await accepted(backend, 'workflow_run', requested);
    expect(await backend.pipelineRuns(OCTO_REPO_REF)).toEqual([
      expect.objectContaining({
        id: `github-workflow-run-${runId}-attempt-1`,
        status: 'queued',
      }),
    ]);

    await accepted(backend, 'workflow_run', succeeded);
    // A late or repeated `requested` delivery does not take it back.
    await accepted(backend, 'workflow_run', requested);
    await accepted(backend, 'workflow_run', succeeded);
    expect(await backend.pipelineRuns(OCTO_REPO_REF)).toEqual([
      {
        id: `github-workflow-run-${runId}-attempt-1`,
        entityRef: OCTO_REPO_REF,
        workflow: succeeded.workflow_run.path,
        runAttempt: 1,
        status: 'completed',
        conclusion: 'success',
        branch: 'master',
        defaultBranch: 'master',
        commitSha: succeeded.workflow_run.head_sha,
        startedAt: '2020-10-05T16:33:49.000Z',
        finishedAt: '2020-10-05T16:33:49.000Z',
        durationSeconds: 0,
        url: succeeded.workflow_run.html_url,
      },
    ]);

    // The Hello-World example is a run GitHub still has queued.
    await accepted(backend, 'workflow_run', examples);
    expect(await backend.pipelineRuns()).toEqual([
      expect.objectContaining({
        id: `github-workflow-run-${examples.workflow_run.id}-attempt-1`,
        workflow: 'Manually triggered workflow',
        status: 'queued',
      }),
    ]);
  });

  it('records nothing of a part that is turned off', async () => {
    const backend = await startWebhookBackend({
      github: {
        deployments: { enabled: false },
        incidents: { enabled: false, label: 'bug' },
        pipelines: { enabled: false },
      },
    });
    await accepted(backend, 'deployment', deploymentCreated());
    await accepted(
      backend,
      'workflow_run',
      webhookExample('workflow_run', 'completed'),
    );
    await accepted(backend, 'deployment_status', deploymentSucceeded());
    await accepted(backend, 'issues', webhookExample('issues', 'opened'));
    expect(await backend.deployments()).toEqual([]);
    expect(await backend.incidents()).toEqual([]);
    expect(await backend.pipelineRuns()).toEqual([]);
  });

  it('refuses unsigned and badly signed deliveries, and they change nothing', async () => {
    const backend = await startWebhookBackend({
      github: { incidents: { label: 'bug' } },
    });
    const payload = deploymentSucceeded();
    const body = JSON.stringify(payload);
    const unsigned = await backend.deliver('deployment_status', payload, {
      signature: null,
    });
    const otherSecret = await backend.deliver('deployment_status', payload, {
      signature: signature(body, 'not the secret'),
    });
    const otherBody = await backend.deliver(
      'issues',
      webhookExample('issues', 'opened'),
      { signature: signature(body) },
    );
    expect([unsigned.status, otherSecret.status, otherBody.status]).toEqual([
      403, 403, 403,
    ]);
    expect(await backend.deployments()).toEqual([]);
    expect(await backend.incidents()).toEqual([]);
  });
});
