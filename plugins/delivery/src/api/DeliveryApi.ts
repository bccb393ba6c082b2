import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeploymentPage,
  DomainMatrix,
  EntityEnvironments,
  Environment,
} from '@internal/backstage-plugin-delivery-common';

/** Which deployments to list: newest first, one page at a time. */
export interface DeploymentQuery {
  /** Only this entity's deployments, e.g. `component:default/payments-api`. */
  entityRef?: string;
  /** Only deployments to this environment. */
  environment?: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** How many deployments a page holds, 1 to 100 (the backend's default is 25). */
  limit?: number;
}

/** A DORA performance tier, or `null` when there is nothing to rate. */
export type DoraTier = 'elite' | 'high' | 'medium' | 'low' | null;

/** The DORA tier of each of the four keys. */
export interface DoraTiers {
  deploymentFrequency: DoraTier;
  leadTime: DoraTier;
  changeFailureRate: DoraTier;
  recovery: DoraTier;
}

/** What the delivery views read from the delivery backend. */
export interface DeliveryApi {
  /** The configured environments, in promotion order. */
  getEnvironments(): Promise<Environment[]>;

  /**
   * Per environment of an entity: what runs there, since when, and what the
   * next environment is missing.
   */
  getEntityEnvironments(entityRef: string): Promise<EntityEnvironments>;

  /** One page of the deployment history, newest first. */
  getDeployments(query?: DeploymentQuery): Promise<DeploymentPage>;

  /** A domain's components × environments, with drift marked. */
  getDomainMatrix(domainRef: string): Promise<DomainMatrix>;

  // The three signals below have no backend route yet. Views show "not yet
  // available" while a method is missing or answers `undefined`, so the
  // incident, promotion and DORA issues only have to fill them in.

  /** How many incidents of the entity (a component or a domain) are open. */
  countOpenIncidents?(entityRef: string): Promise<number | undefined>;

  /** How many promotions of the entity (a component or a domain) wait for approval. */
  countPendingApprovals?(entityRef: string): Promise<number | undefined>;

  /** The entity's DORA tiers over the last 30 days. */
  getDoraTiers?(entityRef: string): Promise<DoraTiers | undefined>;
}

/** The delivery API reference, shared by the legacy and the new frontend system. */
export const deliveryApiRef = createApiRef<DeliveryApi>({
  id: 'plugin.delivery.api',
});
