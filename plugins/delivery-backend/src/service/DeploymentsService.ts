import { InputError } from '@backstage/errors';
import {
  DeploymentPage,
  Environment,
  normalizeEntityRef,
} from '@internal/backstage-plugin-delivery-common';
import {
  DeliveryStore,
  DeploymentRecord,
  HistoryPosition,
} from '../database/DeliveryStore';
import { withCommits } from './withCommits';

/** How many deployments a page holds unless `limit` says otherwise. */
export const DEFAULT_PAGE_SIZE = 25;
/** The most deployments a page may hold. */
export const MAX_PAGE_SIZE = 100;

// When the caller may not read some entities, a page is filled from at most
// this many reads; the cursor then continues where the scan stopped.
const MAX_READS_PER_PAGE = 5;

/** A validated `GET /deployments` query. */
export interface DeploymentHistoryRequest {
  entityRef?: string;
  environment?: string;
  after?: HistoryPosition;
  limit: number;
}

/** Filters entity refs down to those whose deployments the caller may read. */
export type ReadableEntities = (entityRefs: string[]) => Promise<Set<string>>;

function encodeCursor(position: HistoryPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): HistoryPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === 'string'
    ) {
      return { at, id };
    }
  } catch {
    // Reported below, like any other cursor that is not ours.
  }
  throw new InputError(
    'cursor is not valid; pass the nextCursor of a previous page',
  );
}

function positionOf(deployment: DeploymentRecord): HistoryPosition {
  return {
    at: deployment.finishedAt ?? deployment.startedAt,
    id: deployment.id,
  };
}

/** The deployment history: newest first, cursor-paged. */
export class DeploymentsService {
  private readonly store: DeliveryStore;
  private readonly environmentNames: Set<string>;

  constructor(options: { store: DeliveryStore; environments: Environment[] }) {
    this.store = options.store;
    this.environmentNames = new Set(options.environments.map(e => e.name));
  }

  /** Validates the query parameters; an `InputError` names the bad one. */
  parseRequest(query: {
    entityRef?: string;
    environment?: string;
    cursor?: string;
    limit?: number;
  }): DeploymentHistoryRequest {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InputError(
        `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`,
      );
    }
    let entityRef: string | undefined;
    if (query.entityRef !== undefined) {
      try {
        entityRef = normalizeEntityRef(query.entityRef);
      } catch {
        throw new InputError(
          `entityRef must be an entity ref with a kind, such as component:default/payments-api; got '${query.entityRef}'`,
        );
      }
    }
    const { environment } = query;
    if (environment !== undefined && !this.environmentNames.has(environment)) {
      throw new InputError(
        `environment '${environment}' is not a configured environment`,
      );
    }
    return {
      entityRef,
      environment,
      limit,
      ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
    };
  }

  /**
   * One page of the history. Without an entity, deployments of entities the
   * caller may not read are left out, so a page may hold fewer than `limit`
   * items while a `nextCursor` still leads on.
   */
  async list(
    request: DeploymentHistoryRequest,
    readable?: ReadableEntities,
  ): Promise<DeploymentPage> {
    const { limit } = request;
    const page: DeploymentRecord[] = [];
    let position = request.after;
    let hasMore = false;

    for (let read = 0; read < MAX_READS_PER_PAGE; read++) {
      const rows = await this.store.listDeployments({
        entityRef: request.entityRef,
        environment: request.environment,
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
      items: await withCommits(this.store, page),
      ...(hasMore && position && { nextCursor: encodeCursor(position) }),
    };
  }
}
