import { RestEndpointMethodTypes } from '@octokit/rest';

/*
 * The response bodies of the GitHub REST API stand-in (see githubApi.ts) for
 * the GitOps repository `domain-delivery-demo/gitops`. They are typed with
 * Octokit's types, generated from GitHub's published OpenAPI description, so
 * every field they carry has the name and the type GitHub's has; only fields
 * the code does not read are left out.
 */

/** The type of an Octokit method's response body. */
export type Data<
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
export const REPO_URL = `${API}/repos/${OWNER}/${REPO}`;

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

export const repository: Pick<
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

export const baseRef: Data<'git', 'getRef'> = {
  ref: 'refs/heads/main',
  node_id: 'MDM6UmVmcmVmcy9oZWFkcy9mZWF0dXJlQQ==',
  url: `${REPO_URL}/git/refs/heads/main`,
  object: {
    type: 'commit',
    sha: BASE_COMMIT,
    url: `${REPO_URL}/git/commits/${BASE_COMMIT}`,
  },
};

export function gitCommit(
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

export function pullRequest(
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

/** The contents of a file on the main branch, as `GET /repos/{owner}/{repo}/contents/{path}` answers. */
export function contentFile(
  filePath: string,
  content: string,
  sha: string,
): Extract<Data<'repos', 'getContent'>, { type: 'file' }> {
  const blobUrl = `${REPO_URL}/git/blobs/${sha}`;
  const url = `${REPO_URL}/contents/${filePath}?ref=main`;
  const htmlUrl = `https://github.com/${OWNER}/${REPO}/blob/main/${filePath}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(content),
    name: filePath.split('/').pop()!,
    path: filePath,
    content: Buffer.from(content).toString('base64'),
    sha,
    url,
    git_url: blobUrl,
    html_url: htmlUrl,
    download_url: `https://raw.githubusercontent.com/${OWNER}/${REPO}/main/${filePath}`,
    _links: { self: url, git: blobUrl, html: htmlUrl },
  };
}
