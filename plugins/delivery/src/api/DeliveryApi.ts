import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeliveryApiComponents,
  DeploymentPage,
  DeploymentStatus,
  DomainMatrix,
  DoraBucketSize,
  DoraResponse,
  DoraTiers as DeliveryDoraTiers,
  EntityEnvironments,
  Environment,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  PromotionState,
  RequestedPromotion,
} from '@internal/backstage-plugin-delivery-common';

/** Which deployments to list: newest first, one page at a time; every filter given must match. */
export interface DeploymentQuery {
  /**
   * Only these entities' deployments, e.g. `component:default/payments-api`;
   * at most 100. Named alone, an entity the user may not read is a 403;
   * among several, it is left out.
   */
  entityRef?: string | string[];
  /** Only deployments of the components of this domain, e.g. `domain:default/journey`. */
  domain?: string;
  /** Only deployments of the entities this group owns, e.g. `group:default/smart-city`. */
  owner?: string;
  /** Only deployments to this environment. */
  environment?: string;
  /** Only deployments in one of these statuses. */
  status?: DeploymentStatus | DeploymentStatus[];
  /**
   * Only deployments that finished at or after this time, or are in progress
   * and started at or after it, ISO 8601.
   */
  since?: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** How many deployments a page holds, 1 to 100 (the backend's default is 25). */
  limit?: number;
}

/** Which promotions to list: newest first. */
export interface PromotionQuery {
  /** Only promotions in one of these states, e.g. `['pending_approval']`. */
  state?: PromotionState | PromotionState[];
  /** Only this entity's promotions. */
  entityRef?: string;
  /** Only promotions of the components of this domain, e.g. `domain:default/journey`. */
  domain?: string;
  /** Only promotions into this environment. */
  environment?: string;
  /** At most this many, 1 to 200 (the backend's default is 50). */
  limit?: number;
}

/** Which DORA numbers to read: a scope and a window `[from, to)`. */
export interface DoraQuery {
  /** A component, a `domain:` or a `group:` (the entities it owns); the whole portal when absent. */
  entityRef?: string;
  /** The window's start, ISO 8601 (a date, or a timestamp). */
  from: string;
  /** The window's end, exclusive, ISO 8601. */
  to: string;
  /** Calendar days (the backend's default) or ISO weeks in the series. */
  bucket?: DoraBucketSize;
  /** The IANA time zone of the days and weeks (the backend's default is UTC). */
  timeZone?: string;
}

/** A DORA performance tier, or `null` when there is nothing to rate. */
export type DoraTier = DeliveryApiComponents['schemas']['DoraTier'];

/** The DORA tier of each of the four keys. */
export type DoraTiers = DeliveryDoraTiers;

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

  /** What a promotion would do, without requesting it. `reason` may be empty. */
  previewPromotion(
    request: Omit<PromotionRequest, 'reason'> & { reason?: string },
  ): Promise<PromotionPreview>;

  /** Requests a promotion, a rollback or a hotfix; a 409 names the rule that refuses it. */
  requestPromotion(request: PromotionRequest): Promise<RequestedPromotion>;

  /** Promotions, newest first, with their approvals. */
  listPromotions(query?: PromotionQuery): Promise<Promotion[]>;

  /** One promotion with its approvals and transitions. */
  getPromotion(id: string): Promise<Promotion>;

  /** Approves a promotion as the signed-in user. */
  approvePromotion(id: string, comment?: string): Promise<Promotion>;

  /** Rejects a promotion as the signed-in user. */
  rejectPromotion(id: string, comment?: string): Promise<Promotion>;

  /** Cancels a promotion that has not started executing. */
  cancelPromotion(id: string, comment?: string): Promise<Promotion>;

  /** DORA's numbers of a scope over a window, with a tier per key metric and a series. */
  getDora(query: DoraQuery): Promise<DoraResponse>;

  // Optional: views show "not yet available" while one of the signals below
  // is missing, answers `undefined` or cannot be read.

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
