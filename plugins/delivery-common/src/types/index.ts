// Every schema of the delivery API under its own name, generated from
// openapi.yaml; the files beside it hold what the schemas do not name.
export * from '../schema/openapi/generated/schemaTypes';
// Two refinements take a schema's name over (a named export wins over
// `export *`): the configured environment with its executor's options, and
// a DORA tier that is never `null`.
export type { Environment } from './environment';
export type { DoraTier } from './dora';
export * from './environment';
export * from './dora';
export * from './promotion';
