import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  PipelineHealth,
  PipelineRunPage,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PipelineRunStore } from '../../database/pipelines/PipelineRunStore';
import { EntityScope } from '../catalog/EntityScope';
import { ScopedEntities } from '../catalog/ScopedEntities';
import { summarizePipelineHealth } from './summarizePipelineHealth';

/** A validated `GET /pipelines/health` query. */
export interface PipelineHealthRequest {
  /** Undefined for the whole portal. */
  scope?: EntityScope;
  /** The window `[from, to)`, in milliseconds. */
  from: number;
  to: number;
}

/** A validated `GET /pipelines/runs` query. */
export interface PipelineRunsRequest {
  scope: EntityScope;
  limit: number;
}

/** How many runs `GET /pipelines/runs` answers unless `limit` says otherwise. */
export const DEFAULT_PIPELINE_RUN_LIMIT = 25;

/**
 * The runs and the CI health of a component, a domain, a group or the portal, over the
 * entities whose deployments the caller may read.
 */
export class PipelineHealthService {
  constructor(
    private readonly store: PipelineRunStore,
    private readonly scoped: ScopedEntities,
  ) {}

  /** The newest runs of the scope, with their durations and tests. */
  async runs(
    request: PipelineRunsRequest,
    credentials: BackstageCredentials,
  ): Promise<PipelineRunPage> {
    const entityRefs = await this.scoped.entityRefs(request.scope, credentials);
    const runs = await this.store.listRuns({
      entityRefs,
      limit: request.limit,
    });
    return {
      items: runs.map(run => ({
        ...run,
        ...(run.finishedAt && {
          durationSeconds:
            (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000,
        }),
      })),
    };
  }

  async health(
    request: PipelineHealthRequest,
    credentials: BackstageCredentials,
  ): Promise<PipelineHealth> {
    const { from, to } = request;
    const entityRefs = request.scope
      ? await this.scoped.entityRefs(request.scope, credentials)
      : await this.scoped.portalDeliveryComponentRefs(credentials);
    const [runs, latestOnDefaultBranch] = await Promise.all([
      this.store.listCompletedRuns({ entityRefs, from, to }),
      this.store.latestDefaultBranchRuns({ entityRefs, before: to }),
    ]);
    return summarizePipelineHealth({ from, to, runs, latestOnDefaultBranch });
  }
}
