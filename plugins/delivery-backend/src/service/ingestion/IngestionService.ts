import { InputError, NotAllowedError } from '@backstage/errors';
import {
  DeliveryEvent,
  DeploymentEvent,
  Environment,
  EventIngestionResult,
  IncidentEvent,
  PipelineRunEvent,
  RejectedEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore } from '../../database/DeliveryStore';
import { EventIdConflict } from '../../database/eventBatches';
import { PipelineRunStore } from '../../database/pipelines/PipelineRunStore';
import { isRecord } from '../../routes/request/isRecord';
import { ReportableEntities } from '../access/EventReportAccess';
import { EventFieldProblem } from './EventFieldProblem';
import { validateEvent } from './validateEvent';

function ownerReason(owner: { entityRef: string; environment: string }) {
  return `must match the event already stored under this id (${owner.entityRef} in ${owner.environment}); an event id cannot move to another entity or environment`;
}

function ownerProblem(conflict: EventIdConflict): EventFieldProblem {
  return new EventFieldProblem(conflict.field, ownerReason(conflict.owner));
}

/** Told of the deployment events a batch stored; must not throw. */
export type DeploymentsStoredListener = (
  deployments: DeploymentEvent[],
) => Promise<void>;

/** The most events one request (one call to `ingest`) may carry. */
export const MAX_EVENTS_PER_BATCH = 1000;

/**
 * Validates deployment, incident and pipeline run events and stores the
 * valid ones: the push API (`POST /events`), and the way the sources and the
 * demo history get in.
 */
export class IngestionService {
  private readonly store: DeliveryStore;
  private readonly pipelineRuns?: PipelineRunStore;
  private readonly environmentNames: ReadonlySet<string>;
  private readonly onDeploymentsStored?: DeploymentsStoredListener;

  constructor(options: {
    store: DeliveryStore;
    /** Where pipeline runs go; without it, they are rejected on `type`. */
    pipelineRuns?: PipelineRunStore;
    environments: Environment[];
    /** Told of the deployment events stored, e.g. to verify them. */
    onDeploymentsStored?: DeploymentsStoredListener;
  }) {
    this.store = options.store;
    this.pipelineRuns = options.pipelineRuns;
    this.environmentNames = new Set(options.environments.map(e => e.name));
    this.onDeploymentsStored = options.onDeploymentsStored;
  }

  /**
   * Stores the valid ones of up to {@link MAX_EVENTS_PER_BATCH} candidate
   * events and tells which were rejected, naming the field and the reason.
   * Throws an `InputError` when there are more. With `reportable`, events for
   * other entities are rejected on their `entityRef`, and a batch of which the
   * reporter may report nothing at all is a `NotAllowedError`.
   */
  async ingest(
    events: unknown[],
    options?: { reportable?: ReportableEntities },
  ): Promise<EventIngestionResult> {
    if (events.length > MAX_EVENTS_PER_BATCH) {
      throw new InputError(
        `The body holds ${events.length} events; send at most ${MAX_EVENTS_PER_BATCH} per request`,
      );
    }
    let valid: Array<{ index: number; event: DeliveryEvent }> = [];
    const rejected: RejectedEvent[] = [];
    const reject = (index: number, problem: EventFieldProblem) => {
      const id = isRecord(events[index]) ? events[index].id : undefined;
      rejected.push({
        index,
        ...(typeof id === 'string' && id.trim() !== '' && { id }),
        field: problem.field,
        reason: problem.reason,
      });
    };

    events.forEach((event, index) => {
      try {
        valid.push({
          index,
          event: validateEvent(event, this.environmentNames),
        });
      } catch (error) {
        if (!(error instanceof EventFieldProblem)) {
          throw error;
        }
        reject(index, error);
      }
    });

    if (options?.reportable) {
      valid = await this.withoutUnreportable(valid, options.reportable, reject);
    }

    // Where each valid event sits in the request, by the list it goes to.
    const indexes = {
      deployment: [] as number[],
      incident: [] as number[],
      pipeline_run: [] as number[],
    };
    const deployments: DeploymentEvent[] = [];
    const incidents: IncidentEvent[] = [];
    const runs: PipelineRunEvent[] = [];
    for (const { index, event } of valid) {
      indexes[event.type].push(index);
      if (event.type === 'deployment') {
        deployments.push(event);
      } else if (event.type === 'incident') {
        incidents.push(event);
      } else {
        runs.push(event);
      }
    }

    const conflicts = await this.store.ingest(deployments, incidents);
    const refused = new Set<number>();
    for (const type of ['deployment', 'incident'] as const) {
      for (const conflict of conflicts[`${type}s`]) {
        const index = indexes[type][conflict.index];
        refused.add(index);
        reject(index, ownerProblem(conflict));
      }
    }
    for (const conflict of await this.storeRuns(runs)) {
      const index = indexes.pipeline_run[conflict.index];
      refused.add(index);
      reject(index, conflict.problem);
    }
    rejected.sort((a, b) => a.index - b.index);
    const accepted = new Set(
      valid
        .filter(({ index }) => !refused.has(index))
        .map(({ event }) => event.id),
    );
    if (this.onDeploymentsStored && deployments.length > 0) {
      await this.onDeploymentsStored(
        deployments.filter(deployment => accepted.has(deployment.id)),
      );
    }
    return { accepted: [...accepted], rejected };
  }

  /** Stores the runs; the positions (among `runs`) of those refused, and why. */
  private async storeRuns(
    runs: PipelineRunEvent[],
  ): Promise<Array<{ index: number; problem: EventFieldProblem }>> {
    if (runs.length === 0) {
      return [];
    }
    if (!this.pipelineRuns) {
      return runs.map((_, index) => ({
        index,
        problem: new EventFieldProblem(
          'type',
          'pipeline_run events are not stored by this backend',
        ),
      }));
    }
    const conflicts = await this.pipelineRuns.ingest(runs);
    return conflicts.map(({ index, ownerEntityRef }) => ({
      index,
      problem: new EventFieldProblem(
        'entityRef',
        `must match the event already stored under this id (${ownerEntityRef}); an event id cannot move to another entity`,
      ),
    }));
  }

  /** The events the reporter may report; the others are rejected on their entityRef. */
  private async withoutUnreportable(
    valid: Array<{ index: number; event: DeliveryEvent }>,
    reportable: ReportableEntities,
    reject: (index: number, problem: EventFieldProblem) => void,
  ): Promise<Array<{ index: number; event: DeliveryEvent }>> {
    const refs = [...new Set(valid.map(({ event }) => event.entityRef))];
    const allowed = await reportable(refs);
    const refusedRefs = refs.filter(ref => !allowed.has(ref));
    if (refusedRefs.length > 0 && refusedRefs.length === refs.length) {
      throw new NotAllowedError(
        `You may not report delivery events for ${refusedRefs.join(', ')}`,
      );
    }
    return valid.filter(({ index, event }) => {
      if (allowed.has(event.entityRef)) {
        return true;
      }
      reject(
        index,
        new EventFieldProblem(
          'entityRef',
          'names an entity you may not report events for',
        ),
      );
      return false;
    });
  }
}
