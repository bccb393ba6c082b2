import { Schemas } from './wire';

/**
 * A deployment reported to `POST /api/delivery/events` (event API v1).
 *
 * @public
 */
export type DeploymentEvent = Schemas['DeploymentEvent'];

/**
 * An incident reported to `POST /api/delivery/events` (event API v1).
 *
 * @public
 */
export type IncidentEvent = Schemas['IncidentEvent'];

/**
 * Any event of the event API v1.
 *
 * @public
 */
export type DeliveryEvent = Schemas['DeliveryEvent'];
