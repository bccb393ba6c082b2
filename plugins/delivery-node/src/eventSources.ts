import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  ApplicationStatus,
  DeliveryEvent,
  Environment,
  EventIngestionResult,
} from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * What the delivery plugin hands an event source when it connects it: the
 * configured environments and the way into its store.
 *
 * @public
 */
export interface DeliveryEventConnection {
  /** The configured environments, in promotion order. */
  readonly environments: Environment[];
  /**
   * Stores the valid deployment and incident events, exactly as
   * `POST /api/delivery/events` does: each event is validated on its own and
   * a rejected one names its field and reason; events are idempotent on their
   * `id`, so sending one again updates it rather than adding a second. At most
   * 1000 events per call, as in one request; more is refused with an
   * `InputError`.
   */
  ingest(events: DeliveryEvent[]): Promise<EventIngestionResult>;
  /**
   * Stores how the entities' applications stand in their environments (e.g.
   * Argo CD's sync and health), shown with the environments; a later status
   * of the same entity, environment and source replaces the earlier one.
   */
  recordApplicationStatuses(statuses: EntityApplicationStatus[]): Promise<void>;
}

/**
 * How an entity's application stands in one environment, as a source read it.
 *
 * @public
 */
export interface EntityApplicationStatus extends ApplicationStatus {
  /** The entity, `kind:namespace/name`. */
  entityRef: string;
  /** A configured environment. */
  environment: string;
}

/**
 * Something that feeds deployment and incident events into the delivery
 * plugin from inside the backend, e.g. a CI system, Argo CD, or the demo's
 * history; the counterpart of the catalog's entity providers.
 *
 * @public
 */
export interface DeliveryEventSource {
  /** A name unique among the sources of one backend, e.g. `argocd`. */
  getSourceName(): string;
  /**
   * Called once by the delivery plugin when its ingestion is ready; keep the
   * connection and ingest through it, typically from a scheduled task.
   */
  connect(connection: DeliveryEventConnection): Promise<void>;
}

/**
 * Lets backend modules add event sources to the delivery plugin.
 *
 * @public
 */
export interface DeliveryEventSourcesExtensionPoint {
  /** Adds sources; each source name may be added only once per backend. */
  addEventSource(...sources: DeliveryEventSource[]): void;
}

/**
 * The extension point through which modules add {@link DeliveryEventSource}s.
 *
 * @public
 */
export const deliveryEventSourcesExtensionPoint =
  createExtensionPoint<DeliveryEventSourcesExtensionPoint>({
    id: 'delivery.event-sources',
  });
