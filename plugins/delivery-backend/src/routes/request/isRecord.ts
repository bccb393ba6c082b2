/** A JSON object, as request bodies, events and their commits must be. */
export type JsonRecord = Record<string, unknown>;

/** Whether a value is a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
