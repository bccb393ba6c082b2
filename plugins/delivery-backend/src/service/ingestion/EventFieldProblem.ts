/** A field of an event that is missing or wrong, and why. */
export class EventFieldProblem extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field} ${reason}`);
    this.name = 'EventFieldProblem';
  }
}

/** Why a timestamp is refused, whether by the schema or when it is read. */
export const TIMESTAMP_REASON =
  'must be an ISO 8601 date and time with a time zone, such as 2026-03-02T11:00:00Z';

/** Why an entity ref is refused, whether by the schema or when it is read. */
export function entityRefReason(value: unknown): string {
  return `must be an entity ref with a kind, such as component:default/payments-api; got '${value}'`;
}
