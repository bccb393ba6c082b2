// What the demo's commits say and who wrote them. Drawn from the commit's
// own sha rather than the history's random stream, so that adding them left
// every version, time and outcome of the history as it was.

const CHANGES = [
  'Add a health check for the message broker',
  'Cache the lookups of the reference data',
  'Fix the time zone of the nightly report',
  'Retry the downstream call once on a timeout',
  'Validate the request body against the contract',
  'Bump the base image to the latest patch',
  'Log the correlation id with every error',
  'Paginate the listing endpoint',
  'Remove the feature flag for the new pricing',
  'Handle an empty response from the partner API',
  'Tune the connection pool for peak hours',
  'Translate the error messages',
  'Add a contract test for the events consumer',
  'Speed up the start-up by loading the config lazily',
  'Guard against a double submission',
  'Document the public endpoints',
];

// The demo catalog's engineers (examples/org.yaml), by their GitHub logins.
const AUTHORS = [
  'sofia-lindqvist',
  'marco-rossi',
  'priya-nair',
  'jonas-weber',
  'amara-okafor',
  'liam-chen',
  'elena-garcia',
  'tom-becker',
];

/** The first line of the commit's message and its author, from its sha. */
export function commitDescription(sha: string): {
  message: string;
  author: string;
} {
  const value = parseInt(sha.slice(0, 8), 16) || 0;
  return {
    message: CHANGES[value % CHANGES.length],
    author: AUTHORS[Math.floor(value / CHANGES.length) % AUTHORS.length],
  };
}
