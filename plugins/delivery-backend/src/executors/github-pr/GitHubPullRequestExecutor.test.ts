import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  GitHubClientFactory,
  PromotionExecutionRequest,
} from '@domain-delivery/backstage-plugin-delivery-node';
import {
  anExecutionRequest,
  parkingApi,
} from '../../__testUtils__/executionRequest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GitHubPullRequestExecutor } from './GitHubPullRequestExecutor';

const API = 'https://api.github.com';
const REPO = `${API}/repos/acme/gitops`;
const PATH = 'apps/smart-city/parking-api/values-prod.yaml';
const BASE_SHA = 'aa218f56b14c9653891f9e74264a383fa43fefbd';
const FILE_SHA = '3d21ec53a331a6f037a91c368710b99387d012c1';
const COMMIT_SHA = '7638417db6d59f3c431d3e1f261cc637155684cd';
const MERGE_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const VALUES = '# prod\nimage:\n  tag: "1.1.0"\n';

const entity = parkingApi({
  'domain-delivery.io/gitops-path': 'apps/smart-city/parking-api',
});

function request(
  executor: Record<string, unknown> = {},
): PromotionExecutionRequest {
  return anExecutionRequest(entity, {
    executor: {
      type: 'github-pr',
      owner: 'acme',
      repo: 'gitops',
      baseBranch: 'main',
      ...executor,
    } as PromotionExecutionRequest['executor'],
  });
}

// Response bodies shaped like those of GitHub's REST API (fields trimmed).
const ref = (name: string, sha: string) => ({
  ref: `refs/heads/${name}`,
  node_id: 'MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==',
  url: `${REPO}/git/refs/heads/${name}`,
  object: { type: 'commit', sha, url: `${REPO}/git/commits/${sha}` },
});

const contents = (text: string) => ({
  type: 'file',
  encoding: 'base64',
  size: text.length,
  name: 'values-prod.yaml',
  path: PATH,
  content: Buffer.from(text).toString('base64'),
  sha: FILE_SHA,
  url: `${REPO}/contents/${PATH}?ref=main`,
  git_url: `${REPO}/git/blobs/${FILE_SHA}`,
  html_url: `https://github.com/acme/gitops/blob/main/${PATH}`,
  download_url: `https://raw.githubusercontent.com/acme/gitops/main/${PATH}`,
  _links: {
    git: `${REPO}/git/blobs/${FILE_SHA}`,
    self: `${REPO}/contents/${PATH}`,
    html: `https://github.com/acme/gitops/blob/main/${PATH}`,
  },
});

const pull = {
  url: `${REPO}/pulls/42`,
  id: 1296269,
  node_id: 'MDExOlB1bGxSZXF1ZXN0MQ==',
  html_url: 'https://github.com/acme/gitops/pull/42',
  number: 42,
  state: 'open',
  locked: false,
  title: 'Promote component:default/parking-api to 1.2.0 in prod',
  head: {
    label: 'acme:delivery/promotion-p1',
    ref: 'delivery/promotion-p1',
    sha: COMMIT_SHA,
  },
  base: { label: 'acme:main', ref: 'main', sha: BASE_SHA },
  merged: false,
  mergeable: true,
};

describe('GitHubPullRequestExecutor', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const calls: Array<{
    method: string;
    path: string;
    body?: any;
    auth?: string | null;
  }> = [];
  beforeEach(() => {
    calls.length = 0;
  });

  function github(options: { branchExists?: boolean } = {}) {
    const record = async (req: Request, body = true) => {
      calls.push({
        method: req.method,
        // Octokit encodes the slashes of a ref or path in one URL segment.
        path: decodeURIComponent(new URL(req.url).pathname),
        ...(body && req.method !== 'GET' && { body: await req.clone().json() }),
        auth: req.headers.get('authorization'),
      });
    };
    server.use(
      http.get(`${REPO}/git/ref/:ref`, async ({ request: req }) => {
        await record(req);
        return HttpResponse.json(ref('main', BASE_SHA));
      }),
      http.post(`${REPO}/git/refs`, async ({ request: req }) => {
        await record(req);
        if (options.branchExists) {
          return HttpResponse.json(
            {
              message: 'Reference already exists',
              documentation_url:
                'https://docs.github.com/rest/git/refs#create-a-reference',
            },
            { status: 422 },
          );
        }
        return HttpResponse.json(ref('delivery/promotion-p1', BASE_SHA), {
          status: 201,
        });
      }),
      http.get(`${REPO}/contents/:path`, async ({ request: req }) => {
        await record(req);
        return HttpResponse.json(contents(VALUES));
      }),
      http.put(`${REPO}/contents/:path`, async ({ request: req }) => {
        await record(req);
        return HttpResponse.json({
          content: contents(''),
          commit: {
            sha: COMMIT_SHA,
            node_id:
              'MDY6Q29tbWl0NzYzODQxN2RiNmQ1OWYzYzQzMWQzZTFmMjYxY2M2MzcxNTU2ODRjZA==',
            url: `${REPO}/git/commits/${COMMIT_SHA}`,
            html_url: `https://github.com/acme/gitops/commit/${COMMIT_SHA}`,
            message: 'Promote',
          },
        });
      }),
      http.post(`${REPO}/pulls`, async ({ request: req }) => {
        await record(req);
        return HttpResponse.json(pull, { status: 201 });
      }),
      http.put(`${REPO}/pulls/42/merge`, async ({ request: req }) => {
        await record(req);
        return HttpResponse.json({
          sha: MERGE_SHA,
          merged: true,
          message: 'Pull Request successfully merged',
        });
      }),
    );
  }

  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] },
    }),
  );
  const executor = new GitHubPullRequestExecutor({
    // No pause between writes against the stand-in.
    clients: new GitHubClientFactory({ integrations, writeIntervalMs: 0 }),
  });

  it('opens a pull request that changes the image tag, with the integration token', async () => {
    github();

    const result = await executor.execute(request());

    expect(result).toEqual({
      url: 'https://github.com/acme/gitops/pull/42',
      commitSha: COMMIT_SHA,
      message:
        'Opened pull request #42 on acme/gitops; the deployment completes when it is merged',
      deploymentStatus: 'in_progress',
    });
    expect(calls.map(call => `${call.method} ${call.path}`)).toEqual([
      'GET /repos/acme/gitops/git/ref/heads/main',
      'POST /repos/acme/gitops/git/refs',
      `GET /repos/acme/gitops/contents/${PATH}`,
      `PUT /repos/acme/gitops/contents/${PATH}`,
      'POST /repos/acme/gitops/pulls',
    ]);
    expect(calls.every(call => call.auth === 'token ghp_test')).toBe(true);
    expect(calls[1].body).toEqual({
      ref: 'refs/heads/delivery/promotion-p1',
      sha: BASE_SHA,
    });
    const put = calls[3].body;
    expect(put).toMatchObject({
      branch: 'delivery/promotion-p1',
      sha: FILE_SHA,
    });
    expect(Buffer.from(put.content, 'base64').toString('utf8')).toBe(
      '# prod\nimage:\n  tag: "1.2.0"\n',
    );
    expect(put.message).toContain('Promotion: p1');
    expect(calls[4].body).toMatchObject({
      base: 'main',
      head: 'delivery/promotion-p1',
      title: 'Promote component:default/parking-api to 1.2.0 in prod',
    });
  });

  it('merges the pull request with autoMerge, and reuses the branch of an earlier attempt', async () => {
    github({ branchExists: true });

    const result = await executor.execute(
      request({ autoMerge: true, mergeMethod: 'merge' }),
    );

    expect(result).toEqual({
      url: 'https://github.com/acme/gitops/pull/42',
      commitSha: MERGE_SHA,
      message: 'Merged pull request #42 on acme/gitops',
    });
    expect(calls[calls.length - 1]).toMatchObject({
      method: 'PUT',
      path: '/repos/acme/gitops/pulls/42/merge',
      body: { merge_method: 'merge' },
    });
  });

  it('previews the change against the base branch', async () => {
    github();
    const preview = await executor.preview(request());
    expect(preview.description).toBe(
      `Opens a pull request on acme/gitops against main that sets image.tag 1.2.0 in ${PATH}; the deployment completes when it is merged`,
    );
    expect(preview.files![0].diff).toContain(
      '-  tag: "1.1.0"\n+  tag: "1.2.0"',
    );
  });

  it('says what GitHub refused', async () => {
    server.use(
      http.get(`${REPO}/git/ref/:ref`, () =>
        HttpResponse.json(
          {
            message: 'Not Found',
            documentation_url:
              'https://docs.github.com/rest/git/refs#get-a-reference',
          },
          { status: 404 },
        ),
      ),
    );
    await expect(executor.execute(request())).rejects.toThrow(
      /Could not open the promotion's pull request on acme\/gitops; caused by .*Not Found/,
    );
  });

  it('names a missing option or integration', async () => {
    expect(executor.checkOptions({ type: 'github-pr', repo: 'gitops' })).toBe(
      'The github-pr executor option owner must be a non-empty string',
    );
    expect(
      executor.checkOptions({
        type: 'github-pr',
        owner: 'acme',
        repo: 'gitops',
      }),
    ).toBeUndefined();
    await expect(
      executor.execute(request({ owner: undefined })),
    ).rejects.toThrow(
      'The github-pr executor option owner must be a non-empty string',
    );
    await expect(
      executor.execute(request({ host: 'ghe.example.com' })),
    ).rejects.toThrow('No integrations.github entry for ghe.example.com');
  });
});
