import { ForwardedError, InputError, isError } from '@backstage/errors';
import {
  ExecutorConfig,
  IMAGE_TAG_KEY,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  GitHubClientFactory,
  GitHubGitOpsRepository,
  PromotionChangeRequest,
  PromotionExecutionPreview,
  PromotionExecutionRequest,
  PromotionExecutionResult,
  PromotionExecutor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { commitMessage } from '../gitops/valuesFile';
import { ValuesFilePromotion } from '../gitops/ValuesFilePromotion';
import {
  GitHubPullRequestOptions,
  readGitHubPullRequestOptions,
} from './githubPullRequestOptions';

/** The executor type. */
export const GITHUB_PR_EXECUTOR_TYPE = 'github-pr';

/**
 * Opens a pull request on the GitOps repository that sets the image tag in
 * the entity's values file for the environment, and merges it with
 * `autoMerge`; authenticated with the `integrations.github` credentials.
 */
export class GitHubPullRequestExecutor implements PromotionExecutor {
  readonly type = GITHUB_PR_EXECUTOR_TYPE;
  private readonly clients: GitHubClientFactory;

  constructor(options: {
    /** The backend's one, so that its throttling holds for the process. */
    clients: GitHubClientFactory;
  }) {
    this.clients = options.clients;
  }

  checkOptions(options: ExecutorConfig): string | undefined {
    try {
      readGitHubPullRequestOptions(options);
      return undefined;
    } catch (error) {
      return isError(error) ? error.message : String(error);
    }
  }

  async execute(
    request: PromotionExecutionRequest,
  ): Promise<PromotionExecutionResult> {
    const options = readGitHubPullRequestOptions(request.executor);
    const promotion = new ValuesFilePromotion(request);
    const repository = await this.repositoryFor(options, request.signal);
    const { owner, repo, baseBranch } = options;
    const message = commitMessage(request);
    const [title] = message.split('\n');

    try {
      const proposal = await promotion.propose(repository, {
        branch: `delivery/promotion-${request.promotionId}`,
        message,
        mergeTitle: `${title} (#{number})`,
        whenMissing: () =>
          new InputError(
            `${owner}/${repo} has no ${promotion.path} on ${baseBranch}; add the values file first`,
          ),
      });
      const pull = proposal.pullRequest!;
      if (!pull.merged) {
        return {
          url: pull.url,
          ...(proposal.commitSha && { commitSha: proposal.commitSha }),
          message: `Opened pull request #${pull.number} on ${owner}/${repo}; the deployment completes when it is merged`,
          deploymentStatus: 'in_progress',
        };
      }
      return {
        url: pull.url,
        commitSha: proposal.commitSha,
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
    const promotion = new ValuesFilePromotion(request);
    const repository = await this.repositoryFor(options);
    const { owner, repo, baseBranch, autoMerge } = options;
    return promotion.preview(
      repository,
      `Opens a pull request on ${owner}/${repo} against ${baseBranch} that sets ${IMAGE_TAG_KEY} ${
        request.version
      } in ${promotion.path}${
        autoMerge
          ? ', and merges it'
          : '; the deployment completes when it is merged'
      }`,
    );
  }

  private async repositoryFor(
    options: GitHubPullRequestOptions,
    signal?: AbortSignal,
  ): Promise<GitHubGitOpsRepository> {
    const { host, owner, repo } = options;
    return new GitHubGitOpsRepository({
      octokit: await this.clients.forRepository(
        { host, owner, repo },
        { signal },
      ),
      owner,
      repo,
      baseBranch: options.baseBranch,
      // The promotion's branch: a retried execution continues it.
      commits: 'file-by-file',
      autoMerge: options.autoMerge,
      mergeMethod: options.mergeMethod,
    });
  }
}
