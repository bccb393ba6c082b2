import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';

/** The scope of a halt of the whole portal. */
export const PORTAL_SCOPE = 'portal';

/**
 * The canonical scope of a halt: `portal`, or a domain's entity ref
 * (`domain:<namespace>/<name>`, lower case); an `InputError` naming `scope`
 * otherwise.
 */
export function parseHaltScope(value: string): string {
  if (value === PORTAL_SCOPE) {
    return PORTAL_SCOPE;
  }
  let ref: ReturnType<typeof parseEntityRef> | undefined;
  try {
    ref = parseEntityRef(value);
  } catch {
    ref = undefined;
  }
  if (
    !ref ||
    ref.kind.toLocaleLowerCase('en-US') !== 'domain' ||
    !value.includes('/')
  ) {
    throw new InputError(
      `scope must be 'portal' or 'domain:<namespace>/<name>'; got '${value}'`,
    );
  }
  return normalizeEntityRef(ref);
}
