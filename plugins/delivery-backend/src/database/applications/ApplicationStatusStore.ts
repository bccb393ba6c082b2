import { EntityApplicationStatus } from '@domain-delivery/backstage-plugin-delivery-node';

/** How the entities' applications stand, as the sources last read them. */
export interface ApplicationStatusStore {
  /** Stores the statuses; each replaces the one of its entity, environment and source. */
  record(statuses: EntityApplicationStatus[]): Promise<void>;
  /** The entity's statuses, in no particular order. */
  listForEntity(entityRef: string): Promise<EntityApplicationStatus[]>;
}
