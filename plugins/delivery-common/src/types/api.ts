import { Schemas } from './wire';

/**
 * An event of a `POST /events` batch that was not stored, and why.
 *
 * @public
 */
export type RejectedEvent = Schemas['RejectedEvent'];

/**
 * The answer to `POST /events`: which events were stored and which were not.
 *
 * @public
 */
export type EventIngestionResult = Schemas['EventIngestionResult'];

/**
 * The name, title and production flag of a configured environment.
 *
 * @public
 */
export type EnvironmentSummary = Schemas['EnvironmentSummary'];

/**
 * The version an entity runs in an environment.
 *
 * @public
 */
export type RunningVersion = Schemas['RunningVersion'];

/**
 * A version that succeeded in an environment but not yet in the next one.
 *
 * @public
 */
export type MissingVersion = Schemas['MissingVersion'];

/**
 * What the next environment in the promotion chain is missing relative to
 * this one.
 *
 * @public
 */
export type NextEnvironmentStatus = Schemas['NextEnvironmentStatus'];

/**
 * The state of one environment of an entity.
 *
 * @public
 */
export type EnvironmentStatus = Schemas['EnvironmentStatus'];

/**
 * The answer to `GET /entities/{kind}/{namespace}/{name}/environments`.
 *
 * @public
 */
export type EntityEnvironments = Schemas['EntityEnvironments'];

/**
 * One page of `GET /deployments`, newest first.
 *
 * @public
 */
export type DeploymentPage = Schemas['DeploymentPage'];

/**
 * One component in one environment of a domain matrix.
 *
 * @public
 */
export type DomainMatrixCell = Schemas['DomainMatrixCell'];

/**
 * One component of a domain matrix.
 *
 * @public
 */
export type DomainMatrixRow = Schemas['DomainMatrixRow'];

/**
 * The answer to `GET /domains/{namespace}/{name}/matrix`.
 *
 * @public
 */
export type DomainMatrix = Schemas['DomainMatrix'];
