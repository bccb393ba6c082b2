import { Entity } from '@backstage/catalog-model';
import { getDeliveryEnvironmentNames } from './annotations';
import { Environment } from './types';

/**
 * The environments in promotion order: an environment always comes after the
 * one it is promoted from; otherwise the given order is kept.
 *
 * @remarks
 * Environments whose `promotedFrom` forms a cycle keep their given order, at
 * the end.
 *
 * @public
 */
export function sortEnvironments(environments: Environment[]): Environment[] {
  const names = new Set(environments.map(environment => environment.name));
  const sorted: Environment[] = [];
  const placed = new Set<string>();
  let remaining = environments;

  // Repeatedly take the first environment (in the given order) whose source
  // is already placed, so that chains keep their configured order.
  while (remaining.length > 0) {
    const next = remaining.find(environment => {
      const from = environment.promotion.promotedFrom;
      return (
        !from ||
        !names.has(from) ||
        from === environment.name ||
        placed.has(from)
      );
    });
    if (!next) {
      sorted.push(...remaining);
      break;
    }
    sorted.push(next);
    placed.add(next.name);
    remaining = remaining.filter(environment => environment !== next);
  }

  return sorted;
}

/**
 * The environment that versions are promoted to from the named one (the first
 * in promotion order if several are), or `undefined`.
 *
 * @public
 */
export function nextEnvironment(
  environments: Environment[],
  name: string,
): Environment | undefined {
  return sortEnvironments(environments).find(
    environment =>
      environment.promotion.promotedFrom === name && environment.name !== name,
  );
}

/**
 * The environments the entity is delivered to, in promotion order: all of
 * them, or the subset named by its `domain-delivery.io/environments`
 * annotation (unknown names are ignored).
 *
 * @public
 */
export function environmentsForEntity(
  environments: Environment[],
  entity: Entity,
): Environment[] {
  const sorted = sortEnvironments(environments);
  const names = getDeliveryEnvironmentNames(entity);
  if (!names) {
    return sorted;
  }
  const wanted = new Set(names);
  return sorted.filter(environment => wanted.has(environment.name));
}
