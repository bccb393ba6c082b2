import { RestEndpointMethodTypes } from '@octokit/rest';
import { http, HttpResponse } from 'msw';

/*
 * A GitHub REST API stand-in for msw. Response bodies are typed with
 * Octokit's types, generated from GitHub's published OpenAPI description, so
 * every field they carry has the name and the type GitHub's has; only fields
 * the code does not read are left out.
 */

type Data<
  Scope extends keyof RestEndpointMethodTypes,
  Method extends keyof RestEndpointMethodTypes[Scope],
> = RestEndpointMethodTypes[Scope][Method] extends {
  response: { data: infer D };
}
  ? D
  : never;

const API = 'https://api.github.com';
const OWNER = 'domain-delivery-demo';
const REPO = 'gitops';
const REPO_URL = `${API}/repos/${OWNER}/${REPO}`;

export const BASE_COMMIT = 'aa218f56b14c9653891f9e74264a383fa43fefbd';
export const BASE_TREE = '9fb037999f264ba9a7fc6274d15fa3ae2ab98312';
export const NEW_TREE = 'cd8274d15fa3ae2ab983129fb037999f264ba9a7';
export const NEW_COMMIT = '7638417db6d59f3c431d3e1f261cc637155684cd';
export const MERGE_COMMIT = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

const user = {
  login: OWNER,
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  avatar_url: 'https://github.com/images/error/octocat_happy.gif',
  gravatar_id: '',
  url: `${API}/users/${OWNER}`,
  html_url: `https://github.com/${OWNER}`,
  followers_url: `${API}/users/${OWNER}/followers`,
  following_url: `${API}/users/${OWNER}/following{/other_user}`,
  gists_url: `${API}/users/${OWNER}/gists{/gist_id}`,
  starred_url: `${API}/users/${OWNER}/starred{/owner}{/repo}`,
  subscriptions_url: `${API}/users/${OWNER}/subscriptions`,
  organizations_url: `${API}/users/${OWNER}/orgs`,
  repos_url: `${API}/users/${OWNER}/repos`,
  events_url: `${API}/users/${OWNER}/events{/privacy}`,
  received_events_url: `${API}/users/${OWNER}/received_events`,
  type: 'Organization',
  site_admin: false,
};

const repository: Pick<
  Data<'repos', 'get'>,
  | 'id'
  | 'node_id'
  | 'name'
  | 'full_name'
  | 'private'
  | 'html_url'
  | 'url'
  | 'default_branch'
  | 'owner'
> = {
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: REPO,
  full_name: `${OWNER}/${REPO}`,
  private: true,
  html_url: `https://github.com/${OWNER}/${REPO}`,
  url: REPO_URL,
  default_branch: 'main',
  owner: user,
};

const baseRef: Data<'git', 'getRef'> = {
  ref: 'refs/heads/main',
  node_id: 'MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==',
  url: `${REPO_URL}/git/refs/heads/main`,
  object: {
    type: 'commit',
    sha: BASE_COMMIT,
    url: `${REPO_URL}/git/commits/${BASE_COMMIT}`,
  },
};

function gitCommit(
  sha: string,
  tree: string,
  message: string,
  parents: string[],
): Data<'git', 'getCommit'> {
  const signature = {
    date: '2026-11-22T10:00:00Z',
    name: 'Scaffolder',
    email: 'scaffolder@backstage.io',
  };
  return {
    sha,
    node_id:
      'MDY6Q29tbWl0NmRjYjA5YjViNTc4NzVmMzM0ZjYxYWViZWQ2OTVlMmU0MTkzZGI1ZQ==',
    url: `${REPO_URL}/git/commits/${sha}`,
    html_url: `https://github.com/${OWNER}/${REPO}/commit/${sha}`,
    author: signature,
    committer: signature,
    message,
    tree: { sha: tree, url: `${REPO_URL}/git/trees/${tree}` },
    parents: parents.map(parent => ({
      sha: parent,
      url: `${REPO_URL}/git/commits/${parent}`,
      html_url: `https://github.com/${OWNER}/${REPO}/commit/${parent}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
    },
  };
}

function pullRequest(
  number: number,
  head: string,
  base: string,
  title: string,
): Pick<
  Data<'pulls', 'create'>,
  | 'id'
  | 'node_id'
  | 'number'
  | 'state'
  | 'title'
  | 'html_url'
  | 'url'
  | 'draft'
  | 'merged'
> & {
  head: Pick<Data<'pulls', 'create'>['head'], 'ref' | 'sha' | 'label'>;
  base: Pick<Data<'pulls', 'create'>['base'], 'ref' | 'sha' | 'label'>;
} {
  return {
    id: 1000 + number,
    node_id: 'MDExOlB1bGxSZXF1ZXN0MQ==',
    number,
    state: 'open',
    title,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    url: `${REPO_URL}/pulls/${number}`,
    draft: false,
    merged: false,
    head: { ref: head, sha: NEW_COMMIT, label: `${OWNER}:${head}` },
    base: { ref: base, sha: BASE_COMMIT, label: `${OWNER}:${base}` },
  };
}

/** What the stand-in was asked, by operation, with the request bodies. */
export interface GitHubCalls {
  createTree: any[];
  createCommit: any[];
  createRef: any[];
  updateRef: any[];
  listPulls: URLSearchParams[];
  createPull: any[];
  merge: any[];
}

/**
 * Handlers for the GitOps repository `domain-delivery-demo/gitops` whose main
 * branch is at BASE_COMMIT. Options shape the situation: `unchanged` answers a
 * tree identical to the base; `branchExists` refuses to create the branch;
 * `openPull` lists an open pull request for any head.
 */
export function gitHubHandlers(
  calls: GitHubCalls,
  options: {
    unchanged?: boolean;
    branchExists?: boolean;
    openPull?: number;
  } = {},
) {
  return [
    http.get(REPO_URL, () => HttpResponse.json(repository)),
    http.get(`${REPO_URL}/git/ref/*`, ({ request }) =>
      decodeURIComponent(new URL(request.url).pathname).endsWith(
        '/git/ref/heads/main',
      )
        ? HttpResponse.json(baseRef)
        : HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
    ),
    http.get(`${REPO_URL}/git/commits/${BASE_COMMIT}`, () =>
      HttpResponse.json(
        gitCommit(BASE_COMMIT, BASE_TREE, 'Initial commit', []),
      ),
    ),
    http.post(`${REPO_URL}/git/trees`, async ({ request }) => {
      const body: any = await request.json();
      calls.createTree.push(body);
      const tree: Data<'git', 'createTree'> = {
        sha: options.unchanged ? BASE_TREE : NEW_TREE,
        url: `${REPO_URL}/git/trees/${NEW_TREE}`,
        truncated: false,
        tree: body.tree.map((entry: any) => ({
          path: entry.path,
          mode: entry.mode,
          type: entry.type,
          sha: '44b4fc6d56897b048c772eb4087f854f46256132',
          size: entry.content.length,
          url: `${REPO_URL}/git/blobs/44b4fc6d56897b048c772eb4087f854f46256132`,
        })),
      };
      return HttpResponse.json(tree, { status: 201 });
    }),
    http.post(`${REPO_URL}/git/commits`, async ({ request }) => {
      const body: any = await request.json();
      calls.createCommit.push(body);
      return HttpResponse.json(
        gitCommit(NEW_COMMIT, body.tree, body.message, body.parents),
        { status: 201 },
      );
    }),
    http.post(`${REPO_URL}/git/refs`, async ({ request }) => {
      const body: any = await request.json();
      calls.createRef.push(body);
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
      const ref: Data<'git', 'createRef'> = {
        ref: body.ref,
        node_id: 'MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQg==',
        url: `${REPO_URL}/git/${body.ref}`,
        object: {
          type: 'commit',
          sha: body.sha,
          url: `${REPO_URL}/git/commits/${body.sha}`,
        },
      };
      return HttpResponse.json(ref, { status: 201 });
    }),
    http.patch(`${REPO_URL}/git/refs/*`, async ({ request }) => {
      const body: any = await request.json();
      calls.updateRef.push({
        path: decodeURIComponent(new URL(request.url).pathname),
        ...body,
      });
      return HttpResponse.json({
        ...baseRef,
        object: { ...baseRef.object, sha: body.sha },
      });
    }),
    http.get(`${REPO_URL}/pulls`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      calls.listPulls.push(query);
      const head = (query.get('head') ?? '').split(':')[1];
      return HttpResponse.json(
        options.openPull
          ? [pullRequest(options.openPull, head, 'main', 'earlier')]
          : [],
      );
    }),
    http.post(`${REPO_URL}/pulls`, async ({ request }) => {
      const body: any = await request.json();
      calls.createPull.push(body);
      return HttpResponse.json(
        pullRequest(42, body.head, body.base, body.title),
        {
          status: 201,
        },
      );
    }),
    http.put(`${REPO_URL}/pulls/:number/merge`, async ({ request, params }) => {
      calls.merge.push({
        number: Number(params.number),
        ...((await request.json()) as object),
      });
      const merged: Data<'pulls', 'merge'> = {
        sha: MERGE_COMMIT,
        merged: true,
        message: 'Pull Request successfully merged',
      };
      return HttpResponse.json(merged);
    }),
  ];
}

/** An empty record of calls. */
export function noGitHubCalls(): GitHubCalls {
  return {
    createTree: [],
    createCommit: [],
    createRef: [],
    updateRef: [],
    listPulls: [],
    createPull: [],
    merge: [],
  };
}
