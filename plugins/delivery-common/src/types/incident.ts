import { Schemas } from './wire';

/**
 * A production failure, attributed to a deployment explicitly or by rule.
 *
 * @public
 */
export type Incident = Schemas['Incident'];

/**
 * The answer to `GET /incidents`: the newest incidents of a scope and how
 * many there are in all, so a count needs no more than `limit=0`.
 *
 * @public
 */
export type IncidentPage = Schemas['IncidentPage'];
