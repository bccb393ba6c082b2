import { webhookExamples } from '../__testUtils__/webhookExamples';
import { GitHubWorkflowRun, pipelineRunEvent } from './pipelineRunEvents';

const REF = 'component:default/octo-repo';

// A run as `GET /repos/{owner}/{repo}/actions/runs` lists it (trimmed).
const listed: GitHubWorkflowRun = {
  id: 30433642,
  name: 'Build',
  path: '.github/workflows/build.yml',
  workflow_id: 159038,
  run_attempt: 2,
  status: 'completed',
  conclusion: 'failure',
  head_branch: 'main',
  head_sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
  run_started_at: '2020-01-22T19:33:08Z',
  created_at: '2020-01-22T19:33:08Z',
  updated_at: '2020-01-22T19:41:38Z',
  html_url: 'https://github.com/octo-org/hello-world/actions/runs/30433642',
};

describe('pipelineRunEvent', () => {
  it('turns a listed run into the pipeline run of its attempt', () => {
    expect(pipelineRunEvent(listed, REF, { defaultBranch: 'main' })).toEqual({
      type: 'pipeline_run',
      id: 'github-workflow-run-30433642-attempt-2',
      entityRef: REF,
      workflow: 'Build',
      runAttempt: 2,
      status: 'completed',
      conclusion: 'failure',
      branch: 'main',
      defaultBranch: 'main',
      commitSha: 'acb5820ced9479c074f688cc328bf03f341a511d',
      startedAt: '2020-01-22T19:33:08Z',
      finishedAt: '2020-01-22T19:41:38Z',
      url: 'https://github.com/octo-org/hello-world/actions/runs/30433642/attempts/2',
    });
  });

  it('gives the webhook example and the same run listed the same event', () => {
    const [example] = webhookExamples('workflow_run', 'completed').filter(
      candidate => candidate.workflow_run.conclusion === 'success',
    );
    const { workflow_run: run } = example;
    const fromWebhook = pipelineRunEvent(run, REF, {
      defaultBranch: example.repository.default_branch,
    });
    const fromRest = pipelineRunEvent(
      JSON.parse(JSON.stringify(run)) as GitHubWorkflowRun,
      REF,
      { defaultBranch: 'master' },
    );
    expect(fromRest).toEqual(fromWebhook);
    expect(fromWebhook).toMatchObject({
      id: `github-workflow-run-${run.id}-attempt-1`,
      status: 'completed',
      conclusion: 'success',
      branch: 'master',
      url: run.html_url,
    });
  });

  it('names a workflow without a name by its file, and waits while it is queued', () => {
    const queued = pipelineRunEvent(
      { ...listed, name: '', status: 'waiting', conclusion: null },
      REF,
    );
    expect(queued).toMatchObject({
      workflow: '.github/workflows/build.yml',
      status: 'queued',
    });
    expect(queued).not.toHaveProperty('conclusion');
    expect(queued).not.toHaveProperty('finishedAt');
  });

  it('never finishes a run before it started, and leaves a missing conclusion uncounted', () => {
    expect(
      pipelineRunEvent(
        {
          ...listed,
          conclusion: null,
          updated_at: '2020-01-22T19:33:00Z',
        },
        REF,
      ),
    ).toMatchObject({
      conclusion: 'neutral',
      finishedAt: '2020-01-22T19:33:08Z',
    });
  });

  it('names GitHub Enterprise Server hosts in the id', () => {
    expect(
      pipelineRunEvent(
        { ...listed, html_url: 'https://ghe.example.com/o/r/actions/runs/5' },
        REF,
      ).id,
    ).toBe('github-workflow-run-ghe.example.com-30433642-attempt-2');
  });
});
