import type { RestEndpointMethodTypes } from '@octokit/rest';

/*
 * Response bodies of the GitHub REST API stand-in for the example repository
 * of GitHub's webhook examples, `Codertocat/Hello-World`. They are typed with
 * Octokit's types, generated from GitHub's published OpenAPI description, so
 * every field has GitHub's name and type; fields the module does not read are
 * left out.
 */

/** The type of an Octokit method's response body. */
type Data<
  Scope extends keyof RestEndpointMethodTypes,
  Method extends keyof RestEndpointMethodTypes[Scope],
> = RestEndpointMethodTypes[Scope][Method] extends {
  response: { data: infer D };
}
  ? D
  : never;

export const REPOSITORY_API =
  'https://api.github.com/repos/Codertocat/Hello-World';

type ListedDeployment = Pick<
  Data<'repos', 'listDeployments'>[number],
  'id' | 'sha' | 'ref' | 'environment' | 'created_at'
>;

/** A deployment as `GET /repos/{owner}/{repo}/deployments` lists it. */
export function listedDeployment(
  id: number,
  sha: string,
  environment: string,
): ListedDeployment {
  return {
    id,
    sha,
    ref: 'master',
    environment,
    created_at: '2019-05-14T09:00:00Z',
  };
}

type ListedStatus = Pick<
  Data<'repos', 'listDeploymentStatuses'>[number],
  'id' | 'state' | 'environment' | 'created_at'
>;

/** A deployment's latest status, as `GET .../deployments/{id}/statuses` lists it. */
export function listedStatus(
  state: ListedStatus['state'],
  environment: string,
): ListedStatus {
  return { id: 1, state, environment, created_at: '2019-05-14T09:05:00Z' };
}

type CommitOnGitHub = Pick<
  Data<'repos', 'compareCommitsWithBasehead'>['commits'][number],
  'sha' | 'html_url'
> & {
  author: { login: string } | null;
  commit: Pick<
    Data<'repos', 'compareCommitsWithBasehead'>['commits'][number]['commit'],
    'message' | 'author' | 'committer'
  >;
};

/** What the module records of every {@link commitOnGitHub}: first line and login. */
export const DESCRIBED = { message: 'A change', author: 'Codertocat' };

/** A commit, as the compare and commit APIs give it. */
export function commitOnGitHub(sha: string, date: string): CommitOnGitHub {
  const person = { name: 'Codertocat', email: 'octocat@github.com', date };
  return {
    sha,
    html_url: `https://github.com/Codertocat/Hello-World/commit/${sha}`,
    author: { login: 'Codertocat' },
    commit: {
      message: 'A change\n\nWhat the change is for.',
      author: person,
      committer: person,
    },
  };
}

/** The answer of `GET .../compare/{base}...{head}`. */
export function comparison(
  commits: CommitOnGitHub[],
): Pick<
  Data<'repos', 'compareCommitsWithBasehead'>,
  'status' | 'ahead_by' | 'behind_by' | 'total_commits'
> & { commits: CommitOnGitHub[] } {
  return {
    status: commits.length ? 'ahead' : 'identical',
    ahead_by: commits.length,
    behind_by: 0,
    total_commits: commits.length,
    commits,
  };
}
