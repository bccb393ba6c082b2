import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  Promotion,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionStore } from '../../database/promotions/PromotionStore';
import { EntityCatalog } from '../catalog/EntityCatalog';
import { PromotionDecisions } from './PromotionDecisions';
import { PromotionExecution } from './execution/PromotionExecution';
import { DeploymentGateAnswers } from './gates/DeploymentGateAnswers';
import { PromotionNotifier } from './PromotionNotifier';
import { PromotionPolicy } from './PromotionPolicy';
import { PromotionListRequest, PromotionQueries } from './PromotionQueries';
import { ParsedPromotionRequest, PromotionRequests } from './PromotionRequests';
import { PromotionTransitions } from './PromotionTransitions';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * Promotion requests and their state machine: `pending_approval → approved →
 * executing → succeeded | failed`, or `rejected | cancelled`. Every change is
 * a compare-and-set that the state machine checks
 * ({@link PromotionTransitions}), stored with who, when and why; a change the
 * state machine does not allow is a `ConflictError` that says why.
 *
 * Requests ({@link PromotionRequests}), decisions on them
 * ({@link PromotionDecisions}) and reads ({@link PromotionQueries}) each have
 * their own module; this is the API's single entry point to them.
 */
export class PromotionService {
  private readonly requests: PromotionRequests;
  private readonly decisions: PromotionDecisions;
  private readonly queries: PromotionQueries;
  private readonly catalog: EntityCatalog;

  constructor(options: {
    store: PromotionStore;
    transitions: PromotionTransitions;
    catalog: EntityCatalog;
    policy: PromotionPolicy;
    execution: PromotionExecution;
    gateAnswers: DeploymentGateAnswers;
    notifier: PromotionNotifier;
    userInfo: UserInfoService;
    now?: () => Date;
  }) {
    const now = () => options.now?.() ?? new Date();
    this.catalog = options.catalog;
    this.queries = new PromotionQueries(options.store);
    this.requests = new PromotionRequests({ ...options, now });
    this.decisions = new PromotionDecisions({
      ...options,
      queries: this.queries,
      now,
    });
  }

  /** The requests of deployment gates, judged by the same policy. */
  get gateRequests(): PromotionRequests {
    return this.requests;
  }

  /** Requests a promotion; a 409 naming the rule when the policy refuses it. */
  request(
    request: ParsedPromotionRequest,
    credentials: UserCredentials,
  ): Promise<RequestedPromotion> {
    return this.requests.request(request, credentials);
  }

  /**
   * Requests, as the portal, the rollback that a failed verification calls
   * for; a 409 naming the rule when the policy refuses it.
   */
  requestAutomaticRollback(
    request: Omit<ParsedPromotionRequest, 'trigger'>,
    entity: Entity,
    options: { withoutApproval: boolean },
  ): Promise<RequestedPromotion> {
    return this.requests.requestAutomaticRollback(request, entity, options);
  }

  /**
   * Approves a promotion that waits for approval, as one of its approvers;
   * with the required number of distinct approvals it is `approved` and
   * executed.
   */
  approve(
    id: string,
    comment: string | undefined,
    credentials: UserCredentials,
  ): Promise<Promotion> {
    return this.decisions.approve(id, comment, credentials);
  }

  /** Rejects a promotion that waits for approval, as one of its approvers; that ends it. */
  reject(
    id: string,
    comment: string,
    credentials: UserCredentials,
  ): Promise<Promotion> {
    return this.decisions.reject(id, comment, credentials);
  }

  /**
   * Cancels a promotion before it is executed: its requester may, and so may
   * whoever holds the approve permission.
   */
  cancel(
    id: string,
    comment: string | undefined,
    credentials: UserCredentials,
    options: { mayApprove: boolean },
  ): Promise<Promotion> {
    return this.decisions.cancel(id, comment, credentials, options);
  }

  /** One promotion with its approvals and every transition; a 404 when there is none. */
  get(id: string): Promise<Promotion> {
    return this.queries.get(id);
  }

  /** The entity ref of a promotion, e.g. to check permissions before reading it. */
  entityRefOf(id: string): Promise<string> {
    return this.queries.entityRefOf(id);
  }

  /**
   * Promotions, newest first, with their approvals, among those of entities
   * `readable` keeps. A `domain` in the query is resolved to its components
   * through the catalog (component → system → domain), as the caller sees it;
   * a 404 when the catalog has no such domain.
   */
  list(
    query: PromotionListRequest,
    readable: (entityRefs: string[]) => Promise<Set<string>>,
    credentials: BackstageCredentials,
  ): Promise<Promotion[]> {
    return this.queries.list(query, readable, async domainRef =>
      (await this.catalog.getDomainComponents(domainRef, credentials)).map(
        component => component.entityRef,
      ),
    );
  }
}
