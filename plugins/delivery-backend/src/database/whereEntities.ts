import { Knex } from 'knex';

/** The entities and environment a read is narrowed to; every filter given applies. */
export interface EntityFilter {
  entityRef?: string;
  /** None match when empty. */
  entityRefs?: string[];
  environment?: string;
}

/**
 * Narrows a select on a table with `entity_ref` and `environment` columns
 * (deployments, incidents, promotions) to the filter's entities and environment.
 */
export function whereEntities<Q extends Knex.QueryBuilder>(
  select: Q,
  filter: EntityFilter,
): Q {
  if (filter.entityRef) {
    select.where('entity_ref', filter.entityRef);
  }
  if (filter.entityRefs) {
    select.whereIn('entity_ref', filter.entityRefs);
  }
  if (filter.environment) {
    select.where('environment', filter.environment);
  }
  return select;
}
