import { InputError } from '@backstage/errors';
import {
  ExecutorConfig,
  IMAGE_TAG_KEY,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  GITOPS_LOCAL_EXECUTOR_TYPE,
  LOCAL_GITOPS_PATH_KEY,
  LocalGitOpsRepository,
  PromotionChangeRequest,
  PromotionExecutionPreview,
  PromotionExecutionRequest,
  PromotionExecutionResult,
  PromotionExecutor,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { commitMessage } from '../gitops/valuesFile';
import { ValuesFilePromotion } from '../gitops/ValuesFilePromotion';

/**
 * Edits the entity's values file for the environment in a git repository on
 * the local disk and commits it (the demo's executor, or a GitOps repository
 * that something else pushes). The repository is created when missing; its
 * folder must be configured.
 */
export class GitOpsLocalExecutor implements PromotionExecutor {
  readonly type = GITOPS_LOCAL_EXECUTOR_TYPE;

  /**
   * @param defaultPath - the repository when the executor options give no
   * `path` (`delivery.gitops.local.path`), if configured
   */
  constructor(private readonly defaultPath?: string) {}

  checkOptions(options: ExecutorConfig): string | undefined {
    const path = options.path ?? this.defaultPath;
    if (path === undefined) {
      return `the ${this.type} executor needs the folder of its git repository: set its path option or ${LOCAL_GITOPS_PATH_KEY}`;
    }
    if (typeof path !== 'string' || path.trim() === '') {
      return `the ${this.type} executor option path must be a directory path`;
    }
    return undefined;
  }

  async execute(
    request: PromotionExecutionRequest,
  ): Promise<PromotionExecutionResult> {
    const repository = this.repositoryFor(request.executor);
    const promotion = new ValuesFilePromotion(request);
    const { path } = promotion;
    const proposal = await promotion.propose(repository, {
      message: commitMessage(request),
    });
    const sha = proposal.commitSha!;
    // The folder as configured, not as resolved: the message reaches people
    // in notifications, who need no server's absolute paths.
    const where = `the GitOps repository ${
      request.executor.path ?? this.defaultPath
    }`;
    return {
      commitSha: sha,
      message: proposal.changed
        ? `Committed ${sha.slice(0, 7)} to ${path} in ${where}`
        : `${path} in ${where} already runs ${request.version} at ${sha.slice(
            0,
            7,
          )}`,
    };
  }

  async preview(
    request: PromotionChangeRequest,
  ): Promise<PromotionExecutionPreview> {
    const repository = this.repositoryFor(request.executor);
    const promotion = new ValuesFilePromotion(request);
    return promotion.preview(
      repository,
      `Commits ${IMAGE_TAG_KEY} ${request.version} to ${promotion.path} in the local GitOps repository`,
    );
  }

  private repositoryFor(executor: ExecutorConfig): LocalGitOpsRepository {
    const problem = this.checkOptions(executor);
    if (problem) {
      throw new InputError(`Cannot commit the promotion: ${problem}`);
    }
    return LocalGitOpsRepository.forPromotions(
      (executor.path ?? this.defaultPath) as string,
    );
  }
}
