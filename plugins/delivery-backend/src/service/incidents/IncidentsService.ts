import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { IncidentPage } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore } from '../../database/DeliveryStore';
import { EntityScope } from '../catalog/EntityScope';
import { ScopedEntities } from '../catalog/ScopedEntities';

/** How many incidents `GET /incidents` answers unless `limit` says otherwise. */
export const DEFAULT_INCIDENT_LIMIT = 25;

/** A validated `GET /incidents` query. */
export interface IncidentsRequest {
  scope: EntityScope;
  /** Only unresolved incidents when true; all of them otherwise. */
  open: boolean;
  limit: number;
}

/**
 * The incidents of a component or of a domain's components, newest first,
 * with how many there are, over the entities whose deployments the caller
 * may read.
 */
export class IncidentsService {
  constructor(
    private readonly store: DeliveryStore,
    private readonly scoped: ScopedEntities,
  ) {}

  /**
   * The newest incidents of the scope by `openedAt` and their total; a
   * `NotAllowedError` for a component the caller may not read, a
   * `NotFoundError` for a component or domain the catalog does not have.
   */
  async list(
    request: IncidentsRequest,
    credentials: BackstageCredentials,
  ): Promise<IncidentPage> {
    const entityRefs = await this.scoped.entityRefs(request.scope, credentials);
    if (entityRefs.length === 0) {
      return { items: [], totalCount: 0 };
    }
    const query = { entityRefs, ...(request.open && { open: true }) };
    const [items, totalCount] = await Promise.all([
      // `limit=0` asks for the count alone.
      request.limit > 0
        ? this.store.listIncidents({ ...query, limit: request.limit })
        : [],
      this.store.countIncidents(query),
    ]);
    return { items, totalCount };
  }
}
