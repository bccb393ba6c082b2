import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { normalizeEntityRef } from '@internal/backstage-plugin-delivery-common';

/** Whose DORA numbers: one component, a domain, a group's entities, or everybody's. */
export type DoraScope =
  | { type: 'component' | 'domain' | 'group'; entityRef: string }
  | { type: 'portal' };

const KINDS = ['component', 'domain', 'group'] as const;

/** The scope an `entityRef` parameter names; an `InputError` says what is wrong. */
export function parseDoraScope(entityRef: string | undefined): DoraScope {
  if (entityRef === undefined || entityRef.trim() === '') {
    return { type: 'portal' };
  }
  let normalized: string;
  try {
    normalized = normalizeEntityRef(entityRef);
  } catch {
    throw new InputError(
      `entityRef must be an entity ref with a kind, such as component:default/payments-api; got '${entityRef}'`,
    );
  }
  const kind = parseEntityRef(normalized).kind as (typeof KINDS)[number];
  if (!KINDS.includes(kind)) {
    throw new InputError(
      `entityRef must be a component, a domain or a group (or left out for the whole portal); got kind '${kind}'`,
    );
  }
  return { type: kind, entityRef: normalized };
}
