import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeliveryApiOperations,
  DeploymentPage,
  DeploymentStatus,
  DomainMatrix,
  DoraResponse,
  DoraTiers,
  EntityEnvironments,
  Environment,
  FreezeWindowEntry,
  FreezeWindowRequest,
  Halt,
  HaltRequest,
  Promotion,
  PromotionPreview,
  PromotionRequest,
  PromotionState,
  RequestedPromotion,
  PipelineHealth,
} from '@domain-delivery/backstage-plugin-delivery-common';

// Each query below is the operation's query parameters as generated from
// openapi.yaml, spelled out so that the API report needs no helper type.

/**
 * Which deployments to list, newest first, one page at a time: the
 * `GET /deployments` query, where an entity ref or a status may also stand alone.
 *
 * @public
 */
export type DeploymentQuery = Omit<
  NonNullable<DeliveryApiOperations['GetDeployments']['parameters']['query']>,
  'entityRef' | 'status'
> & {
  entityRef?: string | string[];
  status?: DeploymentStatus | DeploymentStatus[];
};

/**
 * Which promotions to list, newest first: the `GET /promotions` query, with
 * the states as a list rather than joined by commas.
 *
 * @public
 */
export type PromotionQuery = Omit<
  NonNullable<DeliveryApiOperations['GetPromotions']['parameters']['query']>,
  'state'
> & {
  state?: PromotionState | PromotionState[];
};

/**
 * Which DORA numbers to read: the `GET /dora` query, a scope and a window `[from, to)`.
 *
 * @public
 */
export type DoraQuery = NonNullable<
  DeliveryApiOperations['GetDora']['parameters']['query']
>;

/**
 * What the delivery views read from the delivery backend.
 *
 * @public
 */
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

  // Optional: views show "not yet available" while one of the health
  // indicators below is missing, answers `undefined` or cannot be read.

  /** How many incidents of the entity (a component or a domain) are open. */
  countOpenIncidents?(entityRef: string): Promise<number | undefined>;

  /** How many promotions of the entity (a component or a domain) wait for approval. */
  countPendingApprovals?(entityRef: string): Promise<number | undefined>;

  /** The entity's DORA tiers over the last 30 days. */
  getDoraTiers?(entityRef: string): Promise<DoraTiers | undefined>;

  /**
   * CI health of a component, a domain or a group (the whole portal when
   * left out) over the last 30 days: success rate, median duration,
   * workflows failing now, failing and flaky tests.
   */
  getPipelineHealth?(entityRef?: string): Promise<PipelineHealth>;

  // Optional, for a platform admin's controls: views without them show no
  // freezes and halts, and offer no page for them.

  /** The configured and one-off freeze windows of every environment, with whether each is active. */
  listFreezeWindows?(): Promise<FreezeWindowEntry[]>;

  /** Sets a one-off freeze window (`delivery.admin`). */
  addFreezeWindow?(request: FreezeWindowRequest): Promise<FreezeWindowEntry>;

  /** Deletes a one-off freeze window (`delivery.admin`). */
  deleteFreezeWindow?(id: string): Promise<void>;

  /** The halts in force, then the recently lifted ones. */
  listHalts?(): Promise<Halt[]>;

  /** Halts every promotion of a domain or of the portal (`delivery.admin`). */
  halt?(request: HaltRequest): Promise<Halt>;

  /** Lifts a halt (`delivery.admin`). */
  liftHalt?(id: string): Promise<void>;
}

/**
 * The delivery API reference, shared by the legacy and the new frontend system.
 *
 * @public
 */
export const deliveryApiRef = createApiRef<DeliveryApi>({
  id: 'plugin.delivery.api',
});
