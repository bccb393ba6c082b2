/**
 * A production failure, attributed to a deployment explicitly or by rule.
 *
 * @public
 */
export interface Incident {
  /** The reporter's unique id. */
  id: string;
  /** The affected entity, `kind:namespace/name`. */
  entityRef: string;
  /** The environment name. */
  environment: string;
  /** When the incident opened, ISO 8601. */
  openedAt: string;
  /** When the incident was resolved, ISO 8601; absent while open. */
  resolvedAt?: string;
  /** The deployment that caused it, when known. */
  deploymentId?: string;
  /** A link to the incident. */
  url?: string;
}

/**
 * The answer to `GET /incidents`: the newest incidents of a scope and how
 * many there are in all, so a count needs no more than `limit=0`.
 *
 * @public
 */
export interface IncidentPage {
  /** The newest matching incidents by `openedAt`, at most `limit` of them. */
  items: Incident[];
  /** How many incidents match the query, however many `items` holds. */
  totalCount: number;
}
