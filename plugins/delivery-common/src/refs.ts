import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * Something that names a catalog entity: a string ref, a compound ref or the
 * entity itself.
 *
 * @public
 */
export type EntityRefInput =
  | string
  | Entity
  | { kind?: string; namespace?: string; name: string };

/**
 * Defaults for the parts an entity ref may leave out.
 *
 * @public
 */
export interface EntityRefDefaults {
  /** The kind to assume when the ref has none. */
  defaultKind?: string;
  /** The namespace to assume when the ref has none; `default` otherwise. */
  defaultNamespace?: string;
}

function toCompoundRef(
  ref: EntityRefInput,
  defaults?: EntityRefDefaults,
): CompoundEntityRef {
  if (typeof ref !== 'string' && 'metadata' in ref) {
    return getCompoundEntityRef(ref);
  }
  return parseEntityRef(ref, defaults);
}

/**
 * The entity ref in its canonical form, `kind:namespace/name` in lower case,
 * used as the key for everything the plugin stores about an entity.
 *
 * @remarks
 * Throws an `Error` when the ref is malformed or has no kind and no
 * `defaultKind` is given.
 *
 * @public
 */
export function normalizeEntityRef(
  ref: EntityRefInput,
  defaults?: EntityRefDefaults,
): string {
  return stringifyEntityRef(toCompoundRef(ref, defaults)).toLocaleLowerCase(
    'en-US',
  );
}

/**
 * The `kind`, `namespace` and `name` of an entity in lower case, as used in
 * URL paths such as `/entities/{kind}/{namespace}/{name}`.
 *
 * @remarks
 * The segments are not URL-encoded; encode each one when building a URL.
 *
 * @public
 */
export function entityRouteSegments(
  ref: EntityRefInput,
  defaults?: EntityRefDefaults,
): { kind: string; namespace: string; name: string } {
  const { kind, namespace, name } = toCompoundRef(ref, defaults);
  return {
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
    name: name.toLocaleLowerCase('en-US'),
  };
}
