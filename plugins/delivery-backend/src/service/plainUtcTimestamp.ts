/**
 * The timestamps that clients nearly always send: UTC with milliseconds, as
 * `toISOString()` writes them, on a day every month has (01–28). Each text
 * it matches is a valid RFC 3339 date-time that `Date.parse` reads exactly,
 * so one regular expression settles it where a full parser would take the
 * text apart and check the month's days; anything else goes to the full
 * check.
 */
export const PLAIN_UTC_TIMESTAMP =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
