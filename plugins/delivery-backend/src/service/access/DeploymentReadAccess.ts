import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deliveryDeploymentReadPermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { LRUCache } from 'lru-cache';
import { allowedEntities } from './assertAllowed';
import { callerKey } from './callerKey';

// How long a decision about reading an entity's deployments is reused: as
// long as the catalog answers that pages build on (see CatalogAnswers), so a
// changed policy or group shows within the same few seconds. Only reads are
// remembered; every change is authorized when it is asked for.
const READ_DECISION_TTL_MS = 10_000;
// A decision this old is still used, and asked for again in the background,
// so that a caller who keeps reading never waits for the policy (a domain's
// hundred entities are one round trip to it, and more when it has
// conditions for the catalog to apply).
const READ_DECISION_REFRESH_MS = 5_000;
const MAX_READ_DECISIONS = 20_000;
// Stands for "any entity" among the refs decided: whether the policy allows
// reading without a condition. No entity ref is a bare asterisk.
const EVERY_ENTITY = '*';

interface Decision {
  allowed: boolean;
  /** When the policy made it, ms. */
  at: number;
}

/**
 * Who may read an entity's deployments: `delivery.deployment.read`, checked
 * against the catalog entity.
 */
export class DeploymentReadAccess {
  private readonly decisions?: LRUCache<string, Decision>;
  // The decisions being asked for again in the background.
  private readonly refreshing = new Set<string>();

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

  /**
   * Whether the policy lets the caller read the deployments of every entity,
   * without a condition: one decision without a resource, as the catalog
   * asks before listing. A portal-wide read needs no list of entities then.
   */
  async readsEveryEntity(credentials: BackstageCredentials): Promise<boolean> {
    return (await this.readable([EVERY_ENTITY], credentials)).has(EVERY_ENTITY);
  }

  /** Those of the entities whose deployments the caller may read, in the order given. */
  async readable(
    entityRefs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const { decisions } = this;
    if (!decisions) {
      return this.ask([...entityRefs], credentials);
    }
    const caller = callerKey(credentials);
    const key = (ref: string) => `${caller}\n${ref}`;
    const refs = [...entityRefs];
    const now = Date.now();
    const allowed = new Map<string, boolean>();
    const aging: string[] = [];
    for (const ref of refs) {
      const decision = decisions.get(key(ref));
      if (decision) {
        allowed.set(ref, decision.allowed);
        if (now - decision.at >= READ_DECISION_REFRESH_MS) {
          aging.push(ref);
        }
      }
    }
    this.refreshInBackground(aging, credentials, key);
    const unknown = refs.filter(ref => !allowed.has(ref));
    if (unknown.length > 0) {
      for (const [ref, decision] of await this.decide(
        unknown,
        credentials,
        key,
      )) {
        allowed.set(ref, decision);
      }
    }
    return new Set(refs.filter(ref => allowed.get(ref)));
  }

  // Asks the policy about these entities and remembers its decisions.
  private async decide(
    refs: string[],
    credentials: BackstageCredentials,
    key: (ref: string) => string,
  ): Promise<Map<string, boolean>> {
    const at = Date.now();
    const allowed = await this.ask(refs, credentials);
    const decided = new Map(refs.map(ref => [ref, allowed.has(ref)]));
    for (const [ref, decision] of decided) {
      // Its ten seconds count from when the policy was asked.
      this.decisions?.set(key(ref), { allowed: decision, at }, { start: at });
    }
    return decided;
  }

  // Which of these the policy allows: each entity checked against it in one
  // batch, and any entity (EVERY_ENTITY) by a decision without a resource.
  private async ask(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const entities = refs.filter(ref => ref !== EVERY_ENTITY);
    const [unconditional, allowed] = await Promise.all([
      entities.length < refs.length
        ? this.permissions.authorizeConditional(
            [{ permission: deliveryDeploymentReadPermission }],
            { credentials },
          )
        : [],
      allowedEntities(
        this.permissions,
        deliveryDeploymentReadPermission,
        entities,
        credentials,
      ),
    ]);
    if (unconditional[0]?.result === AuthorizeResult.ALLOW) {
      allowed.add(EVERY_ENTITY);
    }
    return allowed;
  }

  // Asks again about decisions that are getting old, once at a time each;
  // should that fail, they expire and the next read asks in the foreground.
  private refreshInBackground(
    refs: string[],
    credentials: BackstageCredentials,
    key: (ref: string) => string,
  ) {
    const due = refs.filter(ref => !this.refreshing.has(key(ref)));
    if (due.length === 0) {
      return;
    }
    due.forEach(ref => this.refreshing.add(key(ref)));
    this.decide(due, credentials, key)
      .catch(() => undefined)
      .finally(() => due.forEach(ref => this.refreshing.delete(key(ref))));
  }
}
