import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { RefSettings } from './referenceDoraRules';
import { randomBatches, randomWindows } from './randomDoraArrival';
import { randomDeployments } from './randomDoraDeployments';
import { randomHistory } from './randomDoraHistory';
import { randomIncidents } from './randomDoraIncidents';

export { entityRef } from './randomDoraHistory';

/** A seeded random delivery history and the windows to compare DORA over. */
export interface Scenario {
  seed: number;
  settings: RefSettings & { incidentAttributionWindowMs: number };
  entities: { name: string; owner: string }[];
  /** The events in arrival order, split into the batches they are sent in. */
  batches: DeliveryEvent[][];
  windows: { from: string; to: string; timeZone?: string }[];
}

/**
 * A random delivery history with DORA's edge cases: shared and head-only
 * commits, explicit, unattributed, open and early incidents, duplicate ids and
 * status updates, rollbacks and hotfixes, sent shuffled in several batches.
 */
export function generate(seed: number): Scenario {
  const history = randomHistory(seed);
  const { random, production, attributionMs } = history;
  const entityCount = random.integer(1, 3);
  const entities = Array.from({ length: entityCount }, (_, k) => ({
    name: `svc-${k}`,
    owner: k % 2 === 0 ? 'group:default/team-a' : 'group:default/team-b',
  }));
  for (const entity of entities) {
    randomIncidents(history, entity, randomDeployments(history, entity));
  }
  const batches = randomBatches(random, history.reports);
  const windows = randomWindows(random);
  return {
    seed,
    settings: {
      productionEnvironments: production,
      incidentAttributionWindowMs: attributionMs,
    },
    entities,
    batches,
    windows,
  };
}
