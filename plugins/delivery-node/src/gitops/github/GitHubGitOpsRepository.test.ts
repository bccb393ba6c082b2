import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GitHubClientFactory } from './GitHubClientFactory';
import { GitHubGitOpsRepository } from './GitHubGitOpsRepository';

const REPO = 'https://api.github.com/repos/acme/gitops';
const BASE_COMMIT = 'aa218f56b14c9653891f9e74264a383fa43fefbd';
const BASE_TREE = '9fb037999f264ba9a7fc6274d15fa3ae2ab98312';
const NEW_TREE = 'cd8274d15fa3ae2ab983129fb037999f264ba9a7';
const NEW_COMMIT = '7638417db6d59f3c431d3e1f261cc637155684cd';
const MERGE_COMMIT = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const PATH = 'apps/smart-city/parking-api/values-prod.yaml';
const VALUES = 'image:\n  tag: "1.1.0"\n';

// Response bodies shaped like GitHub's REST API (fields trimmed).
const commit = (sha: string, tree: string, parents: string[]) => ({
  sha,
  node_id:
    'C_kwDOAAABc9oAKDc2Mzg0MTdkYjZkNTlmM2M0MzFkM2UxZjI2MWNjNjM3MTU1Njg0Y2Q',
  url: `${REPO}/git/commits/${sha}`,
  html_url: `https://github.com/acme/gitops/commit/${sha}`,
  message: 'A change',
  tree: { sha: tree, url: `${REPO}/git/trees/${tree}` },
  parents: parents.map(parent => ({
    sha: parent,
    url: `${REPO}/git/commits/${parent}`,
    html_url: `https://github.com/acme/gitops/commit/${parent}`,
  })),
  author: {
    name: 'Monalisa',
    email: 'octocat@github.com',
    date: '2026-12-05T10:00:00Z',
  },
  committer: {
    name: 'Monalisa',
    email: 'octocat@github.com',
    date: '2026-12-05T10:00:00Z',
  },
  verification: {
    verified: false,
    reason: 'unsigned',
    signature: null,
    payload: null,
  },
});

describe('GitHubGitOpsRepository, one commit per change', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] },
    }),
  );

  it('edits the file as the base holds it, opens the pull request and merges it with the given title', async () => {
    const calls: Record<string, any[]> = { tree: [], pulls: [], merge: [] };
    server.use(
      http.get(`${REPO}/git/ref/*`, () =>
        HttpResponse.json({
          ref: 'refs/heads/main',
          node_id: 'MDM6UmVmcmVmcy9oZWFkcy9tYWlu',
          url: `${REPO}/git/refs/heads/main`,
          object: {
            type: 'commit',
            sha: BASE_COMMIT,
            url: `${REPO}/git/commits/${BASE_COMMIT}`,
          },
        }),
      ),
      http.get(`${REPO}/git/commits/${BASE_COMMIT}`, () =>
        HttpResponse.json(commit(BASE_COMMIT, BASE_TREE, [])),
      ),
      http.get(`${REPO}/contents/*`, () =>
        HttpResponse.json({
          type: 'file',
          encoding: 'base64',
          size: VALUES.length,
          name: 'values-prod.yaml',
          path: PATH,
          content: Buffer.from(VALUES).toString('base64'),
          sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
        }),
      ),
      http.post(`${REPO}/git/trees`, async ({ request }) => {
        calls.tree.push(await request.json());
        return HttpResponse.json(
          {
            sha: NEW_TREE,
            url: `${REPO}/git/trees/${NEW_TREE}`,
            truncated: false,
            tree: [],
          },
          { status: 201 },
        );
      }),
      http.post(`${REPO}/git/commits`, () =>
        HttpResponse.json(commit(NEW_COMMIT, NEW_TREE, [BASE_COMMIT]), {
          status: 201,
        }),
      ),
      http.post(`${REPO}/git/refs`, async ({ request }) => {
        const body = (await request.json()) as { ref: string; sha: string };
        return HttpResponse.json(
          {
            ref: body.ref,
            node_id: 'MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==',
            url: `${REPO}/git/${body.ref}`,
            object: {
              type: 'commit',
              sha: body.sha,
              url: `${REPO}/git/commits/${body.sha}`,
            },
          },
          { status: 201 },
        );
      }),
      http.post(`${REPO}/pulls`, async ({ request }) => {
        calls.pulls.push(await request.json());
        return HttpResponse.json(
          {
            number: 42,
            html_url: 'https://github.com/acme/gitops/pull/42',
            state: 'open',
          },
          { status: 201 },
        );
      }),
      http.put(`${REPO}/pulls/42/merge`, async ({ request }) => {
        calls.merge.push(await request.json());
        return HttpResponse.json({
          sha: MERGE_COMMIT,
          merged: true,
          message: 'Pull Request successfully merged',
        });
      }),
    );
    const repository = new GitHubGitOpsRepository({
      octokit: await new GitHubClientFactory({
        integrations,
        writeIntervalMs: 0,
      }).forRepository({ host: 'github.com', owner: 'acme', repo: 'gitops' }),
      owner: 'acme',
      repo: 'gitops',
      baseBranch: 'main',
      autoMerge: true,
      mergeMethod: 'merge',
    });

    const proposal = await repository.propose({
      branch: 'delivery/promotion-p1',
      files: [
        { path: PATH, content: before => before!.replace('1.1.0', '1.2.0') },
      ],
      message: 'Promote parking-api to 1.2.0 in prod\n\nBecause.\n',
      mergeTitle: 'Promote parking-api to 1.2.0 in prod (#{number})',
    });

    expect(calls.tree[0]).toEqual({
      base_tree: BASE_TREE,
      tree: [
        {
          path: PATH,
          mode: '100644',
          type: 'blob',
          content: 'image:\n  tag: "1.2.0"\n',
        },
      ],
    });
    expect(calls.pulls).toEqual([
      {
        base: 'main',
        head: 'delivery/promotion-p1',
        title: 'Promote parking-api to 1.2.0 in prod',
        body: 'Because.\n',
      },
    ]);
    expect(calls.merge).toEqual([
      {
        merge_method: 'merge',
        commit_title: 'Promote parking-api to 1.2.0 in prod (#42)',
      },
    ]);
    expect(proposal).toEqual({
      changed: true,
      commitSha: MERGE_COMMIT,
      pullRequest: {
        number: 42,
        url: 'https://github.com/acme/gitops/pull/42',
        merged: true,
      },
      files: [
        {
          path: PATH,
          before: VALUES,
          after: 'image:\n  tag: "1.2.0"\n',
          diff: expect.stringContaining('-  tag: "1.1.0"\n+  tag: "1.2.0"'),
        },
      ],
    });
  });

  it('sends a binary file as a base64 blob, so its bytes arrive intact', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const BLOB = '0b3c2b4f5e6d7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
    const calls: Record<string, any[]> = { blobs: [], tree: [] };
    server.use(
      http.get(`${REPO}/git/ref/*`, () =>
        HttpResponse.json({
          ref: 'refs/heads/main',
          node_id: 'MDM6UmVmcmVmcy9oZWFkcy9tYWlu',
          url: `${REPO}/git/refs/heads/main`,
          object: {
            type: 'commit',
            sha: BASE_COMMIT,
            url: `${REPO}/git/commits/${BASE_COMMIT}`,
          },
        }),
      ),
      http.get(`${REPO}/git/commits/${BASE_COMMIT}`, () =>
        HttpResponse.json(commit(BASE_COMMIT, BASE_TREE, [])),
      ),
      http.post(`${REPO}/git/blobs`, async ({ request }) => {
        calls.blobs.push(await request.json());
        return HttpResponse.json(
          { sha: BLOB, url: `${REPO}/git/blobs/${BLOB}` },
          { status: 201 },
        );
      }),
      http.post(`${REPO}/git/trees`, async ({ request }) => {
        calls.tree.push(await request.json());
        return HttpResponse.json(
          { sha: BASE_TREE, url: `${REPO}/git/trees/${BASE_TREE}`, tree: [] },
          { status: 201 },
        );
      }),
    );
    const repository = new GitHubGitOpsRepository({
      octokit: await new GitHubClientFactory({
        integrations,
        writeIntervalMs: 0,
      }).forRepository({ host: 'github.com', owner: 'acme', repo: 'gitops' }),
      owner: 'acme',
      repo: 'gitops',
      baseBranch: 'main',
    });

    await repository.propose({
      branch: 'delivery/logo',
      files: [
        { path: 'logo.png', content: png },
        { path: 'README.md', content: '# Logo\n' },
      ],
      message: 'Add the logo',
    });

    expect(calls.blobs).toEqual([
      { content: png.toString('base64'), encoding: 'base64' },
    ]);
    expect(Buffer.from(calls.blobs[0].content, 'base64')).toEqual(png);
    expect(calls.tree[0].tree).toEqual([
      { path: 'logo.png', mode: '100644', type: 'blob', sha: BLOB },
      { path: 'README.md', mode: '100644', type: 'blob', content: '# Logo\n' },
    ]);
  });
});
