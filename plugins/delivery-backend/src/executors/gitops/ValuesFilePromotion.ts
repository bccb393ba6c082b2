import {
  GitOpsChange,
  GitOpsProposal,
  GitOpsRepository,
  PromotionChangeRequest,
  PromotionExecutionPreview,
} from '@domain-delivery/backstage-plugin-delivery-node';
import { entityValuesFilePath, valuesFileChange } from './valuesFile';

/**
 * A promotion carried out in a GitOps repository: the promoted version set as
 * the image tag of the entity's values file for the environment. The GitOps
 * executors share it and differ in how they propose it (a commit, a pull
 * request).
 */
export class ValuesFilePromotion {
  /** The values file; an `InputError` when the entity has no GitOps path. */
  readonly path: string;

  constructor(private readonly request: PromotionChangeRequest) {
    this.path = entityValuesFilePath(request.entity, request.environment);
  }

  /**
   * Proposes the change. The version is set in the file as the branch holds
   * it when the change is made; a branch without the file gets a new values
   * file, or fails with `whenMissing`'s error when given.
   */
  propose(
    repository: GitOpsRepository,
    change: Omit<GitOpsChange, 'files'> & { whenMissing?: () => Error },
  ): Promise<GitOpsProposal> {
    const { whenMissing, ...rest } = change;
    return repository.propose({
      ...rest,
      files: [
        {
          path: this.path,
          content: before => {
            if (before === undefined && whenMissing) {
              throw whenMissing();
            }
            return valuesFileChange(this.request, this.path, before).after;
          },
        },
      ],
    });
  }

  /**
   * The preview: the change to the file as the repository's branch holds it
   * now, with `description`.
   */
  async preview(
    repository: GitOpsRepository,
    description: string,
  ): Promise<PromotionExecutionPreview> {
    const file = await repository.readFile(this.path);
    return {
      description,
      files: [
        valuesFileChange(
          this.request,
          this.path,
          file?.content.toString('utf8'),
        ),
      ],
    };
  }
}
