import { InputError } from '@backstage/errors';
import { ExecutorConfig } from '@internal/backstage-plugin-delivery-common';
import {
  PromotionChangeRequest,
  PromotionExecutionPreview,
  PromotionExecutionRequest,
  PromotionExecutionResult,
  PromotionExecutor,
} from '@internal/backstage-plugin-delivery-node';
import { resolve } from 'node:path';
import {
  commitMessage,
  valuesFileChange,
  valuesFilePath,
} from '../gitops/valuesFile';
import { LocalGitRepository } from './LocalGitRepository';

/** The executor type. */
export const GITOPS_LOCAL_EXECUTOR_TYPE = 'gitops-local';

/**
 * Edits the entity's values file for the environment in a git repository on
 * the local disk and commits it: the demo's executor. The repository is
 * created when missing.
 */
export class GitOpsLocalExecutor implements PromotionExecutor {
  readonly type = GITOPS_LOCAL_EXECUTOR_TYPE;

  /**
   * @param defaultPath - the repository when the executor options give no
   * `path` (`delivery.gitops.local.path`)
   */
  constructor(private readonly defaultPath: string) {}

  async execute(
    request: PromotionExecutionRequest,
  ): Promise<PromotionExecutionResult> {
    const repository = this.repositoryFor(request.executor);
    const path = valuesFilePath(request.entity, request.environment);
    return repository.exclusive(async () => {
      await repository.ensure();
      const change = valuesFileChange(
        request,
        path,
        await repository.read(path),
      );
      const sha = await repository.commit(
        [{ path, content: change.after }],
        commitMessage(request),
      );
      return {
        commitSha: sha,
        message: `Committed ${sha.slice(0, 7)} to ${path} in ${repository.dir}`,
      };
    });
  }

  async preview(
    request: PromotionChangeRequest,
  ): Promise<PromotionExecutionPreview> {
    const repository = this.repositoryFor(request.executor);
    const path = valuesFilePath(request.entity, request.environment);
    const change = valuesFileChange(request, path, await repository.read(path));
    return {
      description: `Commits image.tag ${request.version} to ${path} in the local GitOps repository`,
      files: [change],
    };
  }

  private repositoryFor(executor: ExecutorConfig): LocalGitRepository {
    const path = executor.path ?? this.defaultPath;
    if (typeof path !== 'string' || path.trim() === '') {
      throw new InputError(
        'The gitops-local executor option path must be a directory path',
      );
    }
    return new LocalGitRepository(resolve(path));
  }
}
