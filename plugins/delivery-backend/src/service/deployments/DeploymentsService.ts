import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DeploymentPage,
  DeploymentStatus,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  DeliveryStore,
  DeploymentHistoryQuery,
  DeploymentRecord,
  HistoryPosition,
} from '../../database/DeliveryStore';
import { EntityScope } from '../catalog/EntityScope';
import { ScopedEntities } from '../catalog/ScopedEntities';
import { encodeCursor, positionOf } from './deploymentCursor';
import { withCommits } from './withCommits';
import { DeploymentVerificationReader } from '../verification/toDeploymentVerification';
import {
  computedEachTime,
  RememberedAnswers,
} from '../answers/RememberedAnswers';

/** A validated `GET /deployments` query; every filter given must match. */
export interface DeploymentHistoryRequest {
  /** The entities named by `entityRef`, canonical and each once. */
  entityRefs?: string[];
  /** The domain whose components' deployments to list. */
  domain?: EntityScope;
  /** The group whose entities' deployments to list. */
  owner?: EntityScope;
  environment?: string;
  statuses?: DeploymentStatus[];
  /** ISO 8601, UTC. */
  since?: string;
  after?: HistoryPosition;
  limit: number;
}

/** Filters entity refs down to those whose deployments the caller may read. */
export type ReadableEntities = (entityRefs: string[]) => Promise<Set<string>>;

// Without an entity filter, the caller may not read some of the entities a
// read returns: a page is filled from at most this many reads, and the cursor
// then continues where the scan stopped.
const MAX_READS_PER_PAGE = 5;

// Keeps the entities that both lists name, in the order of the first.
function intersect(lists: string[][]): string[] {
  return lists.reduce((kept, refs) => {
    const named = new Set(refs);
    return kept.filter(ref => named.has(ref));
  });
}

/** The deployment history: newest first, cursor-paged, over what the caller may read. */
export class DeploymentsService {
  constructor(
    private readonly store: DeliveryStore,
    private readonly scoped: ScopedEntities,
    private readonly verifications?: DeploymentVerificationReader,
    /** Pages kept while the data does not change; none when left out. */
    private readonly answers: RememberedAnswers = computedEachTime,
  ) {}

  /**
   * One page of the history. Deployments of entities the caller may not read
   * are left out; without an entity filter a page may then hold fewer than
   * `limit` items while a `nextCursor` still leads on. A single `entityRef`
   * the caller may not read is a `NotAllowedError`; a domain or owner the
   * catalog does not have a `NotFoundError`.
   */
  async list(
    request: DeploymentHistoryRequest,
    credentials: BackstageCredentials,
  ): Promise<DeploymentPage> {
    const entityRefs = await this.readableEntities(request, credentials);
    if (entityRefs?.length === 0) {
      return { items: [] };
    }
    const filters: Omit<DeploymentHistoryQuery, 'after' | 'limit'> = {
      entityRefs,
      environment: request.environment,
      statuses: request.statuses,
      since: request.since,
    };
    if (!entityRefs) {
      return this.readPage(request, filters, refs =>
        this.scoped.access.readable(refs, credentials),
      );
    }
    // With entities named, the store reads only readable ones already: the
    // page is the same for everybody who may read them.
    const { after, limit } = request;
    const compute = () => this.readPage(request, filters);
    return this.answers.remembered(
      `deployments:${JSON.stringify({ filters, after, limit })}`,
      compute,
    );
  }

  /**
   * The entities whose deployments to list, all of them readable; undefined
   * when no entity filter was given (every entity, checked per page).
   */
  private async readableEntities(
    request: DeploymentHistoryRequest,
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    const lists: string[][] = [];
    const { entityRefs } = request;
    if (entityRefs?.length === 1) {
      // One entity, as the history of an entity page asks: refused outright.
      await this.scoped.access.assertCanRead(entityRefs[0], credentials);
      lists.push(entityRefs);
    } else if (entityRefs) {
      lists.push([
        ...(await this.scoped.access.readable(entityRefs, credentials)),
      ]);
    }
    for (const scope of [request.domain, request.owner]) {
      if (scope) {
        lists.push(await this.scoped.entityRefs(scope, credentials));
      }
    }
    return lists.length > 0 ? intersect(lists) : undefined;
  }

  private async readPage(
    request: DeploymentHistoryRequest,
    filters: Omit<DeploymentHistoryQuery, 'after' | 'limit'>,
    readable?: ReadableEntities,
  ): Promise<DeploymentPage> {
    const { limit } = request;
    const page: DeploymentRecord[] = [];
    let position = request.after;
    let hasMore = false;

    for (let read = 0; read < MAX_READS_PER_PAGE; read++) {
      const rows = await this.store.listDeployments({
        ...filters,
        after: position,
        limit: limit + 1,
      });
      const allowed = readable
        ? await readable(rows.map(row => row.entityRef))
        : undefined;
      let full = false;
      for (const row of rows) {
        if (page.length === limit) {
          full = true;
          break;
        }
        position = positionOf(row);
        if (!allowed || allowed.has(row.entityRef)) {
          page.push(row);
        }
      }
      // More may follow when rows were left over; a scan that ran out of
      // reads before filling the page lets the cursor carry on.
      hasMore = full || rows.length > limit;
      if (full || page.length === limit || rows.length <= limit) {
        break;
      }
    }

    return {
      items: await withCommits(this.store, page, this.verifications),
      ...(hasMore && position && { nextCursor: encodeCursor(position) }),
    };
  }
}
