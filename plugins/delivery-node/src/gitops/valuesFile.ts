import { InputError } from '@backstage/errors';
import {
  IMAGE_TAG_KEY,
  IMAGE_TAG_KEY_PATH,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { Document, isMap, isScalar, parseDocument, Scalar } from 'yaml';

/*
 * Editing a Helm values file in the GitOps repository, as a promotion and the
 * demo's seeding do: the image tag is the one key Domain Delivery writes.
 */

/**
 * The header comment of a values file Domain Delivery creates (a YAML
 * document's `commentBefore`): whose values they are, in which environment,
 * and that promotions set `image.tag`.
 *
 * @public
 */
export function valuesFileHeader(subject: string, environment: string): string {
  return ` Helm values of ${subject} in ${environment}.\n Domain Delivery promotions set ${IMAGE_TAG_KEY}; edit the rest by hand.`;
}

/**
 * The values file with `image.tag` set to the version, keeping everything
 * else (comments, order, formatting) as it was; a new file, with the
 * {@link valuesFileHeader}, when there was none. An `InputError` naming the
 * file when it is not a YAML mapping.
 *
 * @public
 */
export function setImageTag(
  content: string | undefined,
  version: string,
  context: {
    path: string;
    /** Whose values they are, for a new file's header. */
    subject: string;
    environment: string;
  },
): string {
  let document: Document;
  if (content === undefined) {
    document = new Document({});
    document.commentBefore = valuesFileHeader(
      context.subject,
      context.environment,
    );
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
