import { InputError } from '@backstage/errors';
import {
  PromotionFileChange,
  getDeliveryGitOpsPath,
  DELIVERY_GITOPS_PATH_ANNOTATION,
  IMAGE_TAG_KEY,
  IMAGE_TAG_KEY_PATH,
  valuesFilePath,
} from '@internal/backstage-plugin-delivery-common';
import {
  PromotionChangeRequest,
  PromotedEntity,
  unifiedDiff,
} from '@internal/backstage-plugin-delivery-node';
import { Document, isMap, isScalar, parseDocument, Scalar } from 'yaml';

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

/**
 * The values file with `image.tag` set to the version, keeping everything
 * else (comments, order, formatting) as it was; a new file when there was
 * none.
 */
export function setImageTag(
  content: string | undefined,
  version: string,
  context: { path: string; entityRef: string; environment: string },
): string {
  let document: Document;
  if (content === undefined) {
    document = new Document({});
    document.commentBefore = ` Helm values of ${context.entityRef} in ${context.environment}.\n Domain Delivery promotions set ${IMAGE_TAG_KEY}; edit the rest by hand.`;
  } else {
    document = parseDocument(content);
    if (document.errors.length > 0) {
      throw new InputError(
        `${context.path} is not valid YAML: ${document.errors[0].message}`,
      );
    }
    if (document.contents === null) {
      document.contents = document.createNode({});
    }
    if (!isMap(document.contents)) {
      throw new InputError(`${context.path} is not a YAML mapping`);
    }
  }
  const parentPath = IMAGE_TAG_KEY_PATH.slice(0, -1);
  const image = document.getIn(parentPath, true);
  if (image !== undefined && !isMap(image)) {
    throw new InputError(
      `${parentPath.join('.')} in ${context.path} is not a mapping`,
    );
  }
  const tag = document.getIn(IMAGE_TAG_KEY_PATH, true);
  if (isScalar(tag)) {
    // Keeps the node, so its comments stay; the library quotes the value if
    // it would otherwise read as a number (e.g. 1.10).
    tag.value = version;
  } else {
    const node = new Scalar(version);
    node.type = Scalar.QUOTE_DOUBLE;
    document.setIn(IMAGE_TAG_KEY_PATH, node);
  }
  return document.toString();
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
    entityRef: request.entityRef,
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
