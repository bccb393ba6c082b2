import { EntityScope, parseEntityScope } from '../catalog/EntityScope';

/** Whose DORA numbers: one component, a domain, a group's entities, or everybody's. */
export type DoraScope = EntityScope | { type: 'portal' };

/** The scope an `entityRef` parameter names; an `InputError` says what is wrong. */
export function parseDoraScope(entityRef: string | undefined): DoraScope {
  if (entityRef === undefined || entityRef.trim() === '') {
    return { type: 'portal' };
  }
  return parseEntityScope(
    entityRef,
    ['component', 'domain', 'group'],
    'or left out for the whole portal',
  );
}
