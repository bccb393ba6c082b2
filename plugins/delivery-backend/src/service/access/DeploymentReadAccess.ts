import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { deliveryDeploymentReadPermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { LRUCache } from 'lru-cache';
import { allowedEntities } from './assertAllowed';
import { callerKey } from './callerKey';

// How long a decision about reading an entity's deployments is reused: as
// long as the catalog answers that pages build on (see CatalogAnswers), so a
// changed policy or group shows within the same few seconds. Only reads are
// remembered; every change is authorized when it is asked for.
const READ_DECISION_TTL_MS = 10_000;
const MAX_READ_DECISIONS = 20_000;

/**
 * Who may read an entity's deployments: `delivery.deployment.read`, checked
 * against the catalog entity.
 */
export class DeploymentReadAccess {
  private readonly decisions?: LRUCache<string, boolean>;

  constructor(
    private readonly permissions: PermissionsService,
    options?: {
      /**
       * Keep each decision per caller and entity for a few seconds: a page
       * asks about the same entities in several calls at once, a domain's
       * about a hundred of them, each time a round trip to the policy.
       */
      rememberDecisions?: boolean;
    },
  ) {
    if (options?.rememberDecisions) {
      this.decisions = new LRUCache({
        max: MAX_READ_DECISIONS,
        ttl: READ_DECISION_TTL_MS,
        // By the wall clock, which the tests can move.
        perf: Date,
      });
    }
  }

  /** Throws a `NotAllowedError` unless the caller may read the entity's deployments. */
  async assertCanRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const readable = await this.readable([entityRef], credentials);
    if (!readable.has(entityRef)) {
      throw new NotAllowedError(
        `You may not read the deployments of ${entityRef}`,
      );
    }
  }

  /** Those of the entities whose deployments the caller may read, in the order given. */
  async readable(
    entityRefs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const { decisions } = this;
    if (!decisions) {
      return allowedEntities(
        this.permissions,
        deliveryDeploymentReadPermission,
        entityRefs,
        credentials,
      );
    }
    const caller = callerKey(credentials);
    const key = (ref: string) => `${caller}\n${ref}`;
    const decided = new Map<string, boolean | undefined>();
    for (const ref of entityRefs) {
      decided.set(ref, decisions.get(key(ref)));
    }
    const unknown = [...decided.keys()].filter(
      ref => decided.get(ref) === undefined,
    );
    if (unknown.length > 0) {
      const allowed = await allowedEntities(
        this.permissions,
        deliveryDeploymentReadPermission,
        unknown,
        credentials,
      );
      for (const ref of unknown) {
        decided.set(ref, allowed.has(ref));
        decisions.set(key(ref), allowed.has(ref));
      }
    }
    return new Set([...decided.keys()].filter(ref => decided.get(ref)));
  }
}
