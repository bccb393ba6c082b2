import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DoraResponse,
  doraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraAggregate, DoraStore } from '../../database/dora/DoraStore';
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
    const { total, buckets, members } = await this.aggregate(
      request,
      credentials,
    );
    const summary = summarize(total, window.days);
    const response: DoraResponse = {
      summary,
      tiers: doraTiers(summary),
      series: window.buckets.map((bucket, index) => ({
        start: new Date(bucket.start).toISOString(),
        end: new Date(bucket.end).toISOString(),
        label: bucket.label,
        ...summarize(buckets[index], bucket.days),
      })),
    };
    if (!members) {
      return response;
    }
    const ratings = await this.store.rateEntities({
      from: window.from,
      to: window.to,
      entityRefs: members,
    });
    return { ...response, ...doraDistribution(ratings, window.days) };
  }

  // The pooled aggregates, and the members of a roll-up to spread.
  private async aggregate(
    { scope, window }: DoraRequest,
    credentials: BackstageCredentials,
  ): Promise<{
    total: DoraAggregate;
    buckets: DoraAggregate[];
    members?: string[];
  }> {
    const { edges } = window;
    if (scope.type === 'component') {
      const { entityRefs } = await this.scoped.members(scope, credentials);
      return this.store.aggregate({ edges, entityRefs });
    }
    if (scope.type !== 'portal') {
      const { entityRefs, deliveryComponentRefs } = await this.scoped.members(
        scope,
        credentials,
      );
      const pooled = await this.store.aggregate({ edges, entityRefs });
      return { ...pooled, members: deliveryComponentRefs };
    }
    // Everybody's numbers while checking that the caller may read everybody,
    // which is the usual case; else again over what they may read.
    const everybody = this.store.aggregate({ edges });
    // Returned, or else left: its failure is reported to the caller or not at all.
    everybody.catch(() => undefined);
    const [refs, members] = await Promise.all([
      this.store.listEntityRefs(),
      this.scoped.portalDeliveryComponentRefs(credentials),
    ]);
    const readable = await this.scoped.access.readable(refs, credentials);
    const pooled =
      readable.size === refs.length
        ? await everybody
        : await this.store.aggregate({ edges, entityRefs: [...readable] });
    return { ...pooled, members };
  }
}
