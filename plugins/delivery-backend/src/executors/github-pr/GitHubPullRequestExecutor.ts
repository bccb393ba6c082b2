import { ConflictError, ForwardedError, InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  PromotionChangeRequest,
  PromotionExecutionPreview,
  PromotionExecutionRequest,
  PromotionExecutionResult,
  PromotionExecutor,
} from '@internal/backstage-plugin-delivery-node';
import { Octokit } from '@octokit/rest';
import {
  commitMessage,
  valuesFileChange,
  valuesFilePath,
} from '../gitops/valuesFile';
import {
  GitHubPullRequestOptions,
  readGitHubPullRequestOptions,
} from './githubPullRequestOptions';

/** The executor type. */
export const GITHUB_PR_EXECUTOR_TYPE = 'github-pr';

function status(error: unknown): number | undefined {
  return (error as { status?: number })?.status;
}

const decode = (base64: string) =>
  Buffer.from(base64, 'base64').toString('utf8');
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Opens a pull request on the GitOps repository that sets the image tag in
 * the entity's values file for the environment, and merges it with
 * `autoMerge`; authenticated with the `integrations.github` credentials.
 */
export class GitHubPullRequestExecutor implements PromotionExecutor {
  readonly type = GITHUB_PR_EXECUTOR_TYPE;
  private readonly credentials: GithubCredentialsProvider;

  constructor(
    private readonly options: {
      integrations: ScmIntegrationRegistry;
      credentialsProvider?: GithubCredentialsProvider;
    },
  ) {
    this.credentials =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  }

  async execute(
    request: PromotionExecutionRequest,
  ): Promise<PromotionExecutionResult> {
    const options = readGitHubPullRequestOptions(request.executor);
    const path = valuesFilePath(request.entity, request.environment);
    const octokit = await this.octokit(options, request.signal);
    const { owner, repo, baseBranch } = options;
    const branch = `delivery/promotion-${request.promotionId}`;
    const message = commitMessage(request);
    const [title] = message.split('\n');

    try {
      const base = await octokit.rest.git.getRef({
        owner,
        repo,
        ref: `heads/${baseBranch}`,
      });
      await this.ensureBranch(octokit, options, branch, base.data.object.sha);
      const file = await this.readFile(octokit, options, path, branch);
      if (!file) {
        throw new InputError(
          `${owner}/${repo} has no ${path} on ${baseBranch}; add the values file first`,
        );
      }
      const change = valuesFileChange(request, path, file.content);
      let headSha = file.commitSha;
      if (change.after !== file.content) {
        const written = await octokit.rest.repos.createOrUpdateFileContents({
          owner,
          repo,
          path,
          branch,
          message,
          content: encode(change.after),
          sha: file.sha,
        });
        headSha = written.data.commit.sha ?? headSha;
      }
      const pull = await this.ensurePullRequest(octokit, options, {
        branch,
        title,
        body: message.split('\n').slice(2).join('\n'),
      });

      if (!options.autoMerge) {
        return {
          url: pull.html_url,
          ...(headSha && { commitSha: headSha }),
          message: `Opened pull request #${pull.number} on ${owner}/${repo}; the deployment completes when it is merged`,
          deploymentStatus: 'in_progress',
        };
      }
      const merged = await octokit.rest.pulls.merge({
        owner,
        repo,
        pull_number: pull.number,
        merge_method: options.mergeMethod,
        commit_title: `${title} (#${pull.number})`,
      });
      if (!merged.data.merged) {
        throw new ConflictError(
          `GitHub did not merge pull request #${pull.number}: ${merged.data.message}`,
        );
      }
      return {
        url: pull.html_url,
        commitSha: merged.data.sha,
        message: `Merged pull request #${pull.number} on ${owner}/${repo}`,
      };
    } catch (error) {
      if (error instanceof InputError) {
        throw error;
      }
      throw new ForwardedError(
        `Could not open the promotion's pull request on ${owner}/${repo}`,
        error,
      );
    }
  }

  async preview(
    request: PromotionChangeRequest,
  ): Promise<PromotionExecutionPreview> {
    const options = readGitHubPullRequestOptions(request.executor);
    const path = valuesFilePath(request.entity, request.environment);
    const octokit = await this.octokit(options);
    const file = await this.readFile(
      octokit,
      options,
      path,
      options.baseBranch,
    );
    const { owner, repo, baseBranch, autoMerge } = options;
    return {
      description: `Opens a pull request on ${owner}/${repo} against ${baseBranch} that sets image.tag ${
        request.version
      } in ${path}${
        autoMerge
          ? ', and merges it'
          : '; the deployment completes when it is merged'
      }`,
      files: [valuesFileChange(request, path, file?.content)],
    };
  }

  private async octokit(
    options: GitHubPullRequestOptions,
    signal?: AbortSignal,
  ): Promise<Octokit> {
    const integration = this.options.integrations.github.byHost(options.host);
    if (!integration) {
      throw new InputError(
        `No integrations.github entry for ${options.host}; the github-pr executor needs one for its credentials`,
      );
    }
    const { token } = await this.credentials.getCredentials({
      url: `https://${options.host}/${options.owner}/${options.repo}`,
    });
    if (!token) {
      throw new InputError(
        `integrations.github gives no token or app for ${options.host}/${options.owner}/${options.repo}`,
      );
    }
    return new Octokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
      ...(signal && { request: { signal } }),
    });
  }

  private async ensureBranch(
    octokit: Octokit,
    { owner, repo }: GitHubPullRequestOptions,
    branch: string,
    sha: string,
  ): Promise<void> {
    try {
      await octokit.rest.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha,
      });
    } catch (error) {
      // A retried execution finds the branch it created before.
      if (status(error) !== 422) {
        throw error;
      }
    }
  }

  private async readFile(
    octokit: Octokit,
    { owner, repo }: GitHubPullRequestOptions,
    path: string,
    ref: string,
  ): Promise<{ content: string; sha: string; commitSha?: string } | undefined> {
    try {
      const { data } = await octokit.rest.repos.getContent({
        owner,
        repo,
        path,
        ref,
      });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
        throw new InputError(`${path} in ${owner}/${repo} is not a file`);
      }
      return { content: decode(data.content), sha: data.sha };
    } catch (error) {
      if (status(error) === 404) {
        return undefined;
      }
      throw error;
    }
  }

  private async ensurePullRequest(
    octokit: Octokit,
    { owner, repo, baseBranch }: GitHubPullRequestOptions,
    pull: { branch: string; title: string; body: string },
  ): Promise<{ number: number; html_url: string }> {
    try {
      const created = await octokit.rest.pulls.create({
        owner,
        repo,
        base: baseBranch,
        head: pull.branch,
        title: pull.title,
        body: pull.body,
      });
      return created.data;
    } catch (error) {
      if (status(error) !== 422) {
        throw error;
      }
      // A retried execution finds the pull request it opened before.
      const open = await octokit.rest.pulls.list({
        owner,
        repo,
        head: `${owner}:${pull.branch}`,
        base: baseBranch,
        state: 'open',
      });
      if (open.data.length === 0) {
        throw error;
      }
      return open.data[0];
    }
  }
}
