import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { generateDemoHistory } from './generateDemoHistory';

/**
 * The version an entity runs in each environment at the end of its demo
 * history, by environment name: what the demo fed into the store, computed
 * again, since the history is the same on every replica on the same day.
 */
export function demoRunningVersions(
  entityRef: string,
  environments: Environment[],
  now: Date,
): Map<string, string> {
  const running = new Map<string, string>();
  // The events come in the order they were reported, so the last succeeded
  // deployment of an environment is the one running there.
  for (const event of generateDemoHistory({
    entityRefs: [entityRef],
    environments,
    now,
  })) {
    if (event.type === 'deployment' && event.status === 'succeeded') {
      running.set(event.environment, event.version);
    }
  }
  return running;
}
