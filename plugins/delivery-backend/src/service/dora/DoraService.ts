import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DoraResponse,
  doraTiers,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraStore } from '../../database/dora/DoraStore';
import { EntityScope } from '../catalog/EntityScope';
import { DoraWindow } from './DoraWindow';
import { summarize } from './summarize';
import { ScopedEntities } from '../catalog/ScopedEntities';

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
 * time zone. Reads the tables that ingestion derives, never all history.
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
    const { total, buckets } = await this.aggregate(request, credentials);
    const summary = summarize(total, window.days);
    return {
      summary,
      tiers: doraTiers(summary),
      series: window.buckets.map((bucket, index) => ({
        start: new Date(bucket.start).toISOString(),
        end: new Date(bucket.end).toISOString(),
        label: bucket.label,
        ...summarize(buckets[index], bucket.days),
      })),
    };
  }

  private async aggregate(
    { scope, window }: DoraRequest,
    credentials: BackstageCredentials,
  ) {
    const { edges } = window;
    if (scope.type !== 'portal') {
      const entityRefs = await this.scoped.entityRefs(scope, credentials);
      return this.store.aggregate({ edges, entityRefs });
    }
    // Everybody's numbers while checking that the caller may read everybody,
    // which is the usual case; else again over what they may read.
    const everybody = this.store.aggregate({ edges });
    // Returned, or else left: its failure is reported to the caller or not at all.
    everybody.catch(() => undefined);
    const refs = await this.store.listEntityRefs();
    const readable = await this.scoped.access.readable(refs, credentials);
    if (readable.size === refs.length) {
      return everybody;
    }
    return this.store.aggregate({ edges, entityRefs: [...readable] });
  }
}
