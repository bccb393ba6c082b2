import { InputError } from '@backstage/errors';
import {
  PromotionFileChange,
  getDeliveryGitOpsPath,
  DELIVERY_GITOPS_PATH_ANNOTATION,
  valuesFilePath,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  PromotionChangeRequest,
  PromotedEntity,
  setImageTag,
  unifiedDiff,
} from '@domain-delivery/backstage-plugin-delivery-node';

/**
 * The entity's values file for the environment in the GitOps repository,
 * `<gitops-path>/values-<environment>.yaml`; an `InputError` when the entity
 * has no GitOps path annotation.
 */
export function entityValuesFilePath(
  entity: PromotedEntity,
  environment: string,
): string {
  const folder = getDeliveryGitOpsPath(entity);
  if (!folder) {
    throw new InputError(
      `The entity has no ${DELIVERY_GITOPS_PATH_ANNOTATION} annotation, so there is no values file to change`,
    );
  }
  return valuesFilePath(folder, environment);
}

/** The change of the values file for the promotion, with its diff. */
export function valuesFileChange(
  request: Pick<
    PromotionChangeRequest,
    'entityRef' | 'environment' | 'version'
  >,
  path: string,
  before: string | undefined,
): PromotionFileChange {
  const after = setImageTag(before, request.version, {
    path,
    subject: request.entityRef,
    environment: request.environment,
  });
  return {
    path,
    ...(before !== undefined && { before }),
    after,
    diff: unifiedDiff(path, before, after),
  };
}

/** The commit message of a promotion: the promotion, the version, the approvers. */
export function commitMessage(request: {
  promotionId: string;
  entityRef: string;
  environment: string;
  version: string;
  currentVersion?: string;
  trigger: string;
  requester: string;
  approvers: string[];
  reason: string;
}): string {
  const verbs: Record<string, string> = {
    rollback: 'Roll back',
    hotfix: 'Hotfix',
  };
  const verb = verbs[request.trigger] ?? 'Promote';
  return [
    `${verb} ${request.entityRef} to ${request.version} in ${request.environment}`,
    '',
    request.reason,
    '',
    `Promotion: ${request.promotionId}`,
    `Version: ${request.version}${
      request.currentVersion ? ` (was ${request.currentVersion})` : ''
    }`,
    `Requested-by: ${request.requester}`,
    `Approved-by: ${
      request.approvers.length > 0
        ? request.approvers.join(', ')
        : 'none needed'
    }`,
    '',
  ].join('\n');
}
