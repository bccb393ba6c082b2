import { parseEntityRef } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * Every spelling of a ref that an entity's spec may hold: a catalog filter
 * matches the stored text of a field, and `spec.domain` or `spec.system` may
 * be written as `name`, `namespace/name` or `kind:namespace/name`.
 */
export function refSpellings(ref: string): string[] {
  const { kind, namespace, name } = parseEntityRef(ref);
  return [name, `${namespace}/${name}`, `${kind}:${namespace}/${name}`];
}

/** The canonical ref an entity's spec names, or undefined when it is malformed. */
export function specRef(
  value: unknown,
  defaults: { defaultKind: string; defaultNamespace?: string },
): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return normalizeEntityRef(value, defaults);
  } catch {
    return undefined;
  }
}
