import { http, HttpResponse } from 'msw';
import { gitBlobSha } from '@domain-delivery/backstage-plugin-delivery-node';
import {
  BASE_COMMIT,
  BASE_TREE,
  baseRef,
  contentFile,
  Data,
  gitCommit,
  MERGE_COMMIT,
  NEW_COMMIT,
  NEW_TREE,
  pullRequest,
  REPO_URL,
  repository,
} from './githubResponses';

/*
 * A GitHub REST API stand-in for msw, answering with the bodies of
 * githubResponses.ts.
 */

export {
  BASE_COMMIT,
  BASE_TREE,
  MERGE_COMMIT,
  NEW_COMMIT,
  NEW_TREE,
} from './githubResponses';

/** What the stand-in was asked, by operation, with the request bodies. */
export interface GitHubCalls {
  getContent: string[];
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
 * `openPull` lists an open pull request for any head; `existingFiles` are
 * on the main branch already, by path (any other path is not found).
 */
export function gitHubHandlers(
  calls: GitHubCalls,
  options: {
    unchanged?: boolean;
    branchExists?: boolean;
    openPull?: number;
    existingFiles?: Record<string, string>;
  } = {},
) {
  return [
    http.get(REPO_URL, () => HttpResponse.json(repository)),
    http.get(`${REPO_URL}/contents/*`, ({ request }) => {
      const url = new URL(request.url);
      const filePath = decodeURIComponent(
        url.pathname.slice(new URL(`${REPO_URL}/contents/`).pathname.length),
      );
      calls.getContent.push(`${filePath}@${url.searchParams.get('ref')}`);
      const content = options.existingFiles?.[filePath];
      return content === undefined
        ? HttpResponse.json(
            {
              message: 'Not Found',
              documentation_url:
                'https://docs.github.com/rest/repos/contents#get-repository-content',
            },
            { status: 404 },
          )
        : HttpResponse.json(
            contentFile(filePath, content, gitBlobSha(Buffer.from(content))),
          );
    }),
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
    getContent: [],
    createTree: [],
    createCommit: [],
    createRef: [],
    updateRef: [],
    listPulls: [],
    createPull: [],
    merge: [],
  };
}
