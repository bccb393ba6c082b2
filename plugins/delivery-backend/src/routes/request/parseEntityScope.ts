import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';
import { EntityScope } from '../../service/catalog/EntityScope';

const ARTICLES: Record<EntityScope['type'], string> = {
  component: 'a component',
  domain: 'a domain',
  group: 'a group',
};

// "a component", "a component or a domain", "a component, a domain or a group".
function describe(kinds: ReadonlyArray<EntityScope['type']>): string {
  const names = kinds.map(kind => ARTICLES[kind]);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
    : names[0];
}

/**
 * The scope an `entityRef` parameter names, one of `kinds`; an `InputError`
 * says what is wrong. `alternative` tells what else the parameter may be,
 * e.g. "or left out for the whole portal"; `parameter` is the name the error
 * gives it, `entityRef` unless told.
 */
export function parseEntityScope(
  entityRef: string,
  kinds: ReadonlyArray<EntityScope['type']>,
  alternative?: string,
  parameter: string = 'entityRef',
): EntityScope {
  let normalized: string;
  try {
    normalized = normalizeEntityRef(entityRef);
  } catch {
    throw new InputError(
      `${parameter} must be an entity ref with a kind, such as ${
        kinds[0] === 'component'
          ? 'component:default/payments-api'
          : `${kinds[0]}:default/smart-city`
      }; got '${entityRef}'`,
    );
  }
  const kind = parseEntityRef(normalized).kind as EntityScope['type'];
  if (!kinds.includes(kind)) {
    throw new InputError(
      `${parameter} must be ${describe(kinds)}${
        alternative ? ` (${alternative})` : ''
      }; got kind '${kind}'`,
    );
  }
  return { type: kind, entityRef: normalized };
}
