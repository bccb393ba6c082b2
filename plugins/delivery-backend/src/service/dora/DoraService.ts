import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DoraResponse,
  doraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DoraAggregate,
  DoraRating,
  DoraStore,
} from '../../database/dora/DoraStore';
import { EntityScope } from '../catalog/EntityScope';
import { DoraWindow } from './DoraWindow';
import { summarize } from './summarize';
import { ScopedEntities } from '../catalog/ScopedEntities';
import { doraDistribution } from './doraDistribution';

/** Whose DORA numbers: one component, a domain, a group's entities, or everybody's. */
export type DoraScope = EntityScope | { type: 'portal' };

/** Whose numbers, over which window: a validated `GET /dora` query. */
export interface DoraRequest {
  scope: DoraScope;
  window: DoraWindow;
}

/**
 * DORA's numbers, exactly as `PRODUCT.md` defines them, for an entity, a
 * domain (pooled over its components), a group (the entities it owns) or the
 * whole portal, over a window `[from, to)` split into days or ISO weeks of a
 * time zone. Reads the tables that ingestion derives, never all history. A
 * roll-up (domain, group, portal) also spreads its member components over
 * the tiers, each rated on its own numbers.
 */
export class DoraService {
  constructor(
    private readonly store: DoraStore,
    private readonly scoped: ScopedEntities,
  ) {}

  /**
   * The numbers of the request's scope, over the entities whose deployments
   * the caller may read: a `NotAllowedError` for a component they may not
   * read, a `NotFoundError` for an entity the catalog does not have.
   */
  async getMetrics(
    request: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<DoraResponse> {
    const { window } = request;
    const { total, buckets, ratings } = await this.aggregate(
      request,
      credentials,
    );
    const summary = summarize(total, window.days);
    const response: DoraResponse = {
      summary,
      tiers: doraTiers(summary),
      series: window.buckets.map((bucket, index) => ({
        start: bucket.startIso,
        end: bucket.endIso,
        label: bucket.label,
        ...summarize(buckets[index], bucket.days),
      })),
    };
    return ratings
      ? { ...response, ...doraDistribution(ratings, window.days) }
      : response;
  }

  // The pooled aggregates, and the ratings of a roll-up's members to spread,
  // read at the same time.
  private async aggregate(
    { scope, window }: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<{
    total: DoraAggregate;
    buckets: DoraAggregate[];
    ratings?: Map<string, DoraRating>;
  }> {
    const { edges } = window;
    const rate = (members: string[]) =>
      this.store.rateEntities({
        from: window.from,
        to: window.to,
        entityRefs: members,
      });
    if (scope.type === 'component') {
      // Its numbers while checking that the caller may read it and the
      // catalog has it: answered only once both are known.
      const pooled = this.store.aggregate({
        edges,
        entityRefs: [scope.entityRef],
      });
      // Returned, or else left: its failure is reported to the caller or not at all.
      pooled.catch(() => undefined);
      await this.scoped.members(scope, credentials);
      return pooled;
    }
    if (scope.type !== 'portal') {
      const { entityRefs, deliveryComponentRefs } = await this.scoped.members(
        scope,
        credentials,
      );
      const [pooled, ratings] = await Promise.all([
        this.store.aggregate({ edges, entityRefs }),
        rate(deliveryComponentRefs),
      ]);
      return { ...pooled, ratings };
    }
    // Everybody's numbers while checking that the caller may read everybody,
    // which is the usual case (the policy allows it without a condition, or
    // else every entity with deployments); else again over what they may read.
    const everybody = this.store.aggregate({ edges });
    // Returned, or else left: its failure is reported to the caller or not at all.
    everybody.catch(() => undefined);
    const { access } = this.scoped;
    const [pooled, ratings] = await Promise.all([
      (async () => {
        if (await access.readsEveryEntity(credentials)) {
          return everybody;
        }
        const refs = await this.store.listEntityRefs();
        const readable = await access.readable(refs, credentials);
        return readable.size === refs.length
          ? everybody
          : this.store.aggregate({ edges, entityRefs: [...readable] });
      })(),
      this.scoped.portalDeliveryComponentRefs(credentials).then(rate),
    ]);
    return { ...pooled, ratings };
  }
}
