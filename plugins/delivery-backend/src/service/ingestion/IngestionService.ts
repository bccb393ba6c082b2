import { InputError } from '@backstage/errors';
import {
  DeploymentEvent,
  Environment,
  EventIngestionResult,
  IncidentEvent,
  RejectedEvent,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore } from '../../database/DeliveryStore';
import { isRecord } from '../../routes/request/isRecord';
import { EventFieldProblem } from './EventFieldProblem';
import { validateEvent } from './validateEvent';

/** The most events one request (one call to `ingest`) may carry. */
export const MAX_EVENTS_PER_BATCH = 1000;

/**
 * Validates deployment and incident events and stores the valid ones: the
 * push API (`POST /events`), and the way the demo history gets in.
 */
export class IngestionService {
  private readonly store: DeliveryStore;
  private readonly environmentNames: ReadonlySet<string>;

  constructor(options: { store: DeliveryStore; environments: Environment[] }) {
    this.store = options.store;
    this.environmentNames = new Set(options.environments.map(e => e.name));
  }

  /**
   * Stores the valid ones of up to {@link MAX_EVENTS_PER_BATCH} candidate
   * events and tells which were rejected, naming the field and the reason.
   * Throws an `InputError` when there are more.
   */
  async ingest(events: unknown[]): Promise<EventIngestionResult> {
    if (events.length > MAX_EVENTS_PER_BATCH) {
      throw new InputError(
        `The body holds ${events.length} events; send at most ${MAX_EVENTS_PER_BATCH} per request`,
      );
    }
    const deployments: DeploymentEvent[] = [];
    const incidents: IncidentEvent[] = [];
    const accepted = new Set<string>();
    const rejected: RejectedEvent[] = [];

    events.forEach((event, index) => {
      try {
        const valid = validateEvent(event, this.environmentNames);
        if (valid.type === 'deployment') {
          deployments.push(valid);
        } else {
          incidents.push(valid);
        }
        accepted.add(valid.id);
      } catch (error) {
        if (!(error instanceof EventFieldProblem)) {
          throw error;
        }
        const id = isRecord(event) ? event.id : undefined;
        rejected.push({
          index,
          ...(typeof id === 'string' && id.trim() !== '' && { id }),
          field: error.field,
          reason: error.reason,
        });
      }
    });

    await this.store.ingest(deployments, incidents);
    return { accepted: [...accepted], rejected };
  }
}
