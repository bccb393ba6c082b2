import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { z } from 'zod';
import { DORA_WINDOW_DAYS } from '../dora/doraWindow';
import { isDeliveryAvailable } from '../isDeliveryAvailable';

/**
 * A card on the overview of entities that carry the delivery annotation: the
 * version in each environment, drift marked. An app can set `environments`:
 * the names of the environments it shows (default: every one that applies).
 *
 * @alpha
 */
export const entityDeliverySummaryCard = EntityCardBlueprint.makeWithOverrides({
  name: 'summary',
  configSchema: {
    environments: z.array(z.string()).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isDeliveryAvailable,
      loader: () =>
        import('../components/entity/EntityDeliverySummaryCard').then(m => (
          <m.EntityDeliverySummaryCard environments={config.environments} />
        )),
    });
  },
});

/**
 * A card on the overview of entities that carry the delivery annotation:
 * DORA's five metrics with their tiers and trend. An app can set
 * `windowDays`: the window it opens with, 30 or 90 (default 30).
 *
 * @alpha
 */
export const entityDoraCard = EntityCardBlueprint.makeWithOverrides({
  name: 'dora',
  configSchema: {
    windowDays: z.literal(DORA_WINDOW_DAYS).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isDeliveryAvailable,
      loader: () =>
        import('../components/entity/EntityDoraCard').then(m => (
          <m.EntityDoraCard windowDays={config.windowDays} />
        )),
    });
  },
});

/**
 * A card on a Group's page: the team's DORA metrics over the entities it
 * owns. An app can set `windowDays`: the window it opens with, 30 or 90
 * (default 30).
 *
 * @alpha
 */
export const groupDoraCard = EntityCardBlueprint.makeWithOverrides({
  name: 'group-dora',
  configSchema: {
    windowDays: z.literal(DORA_WINDOW_DAYS).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: { kind: 'group' },
      loader: () =>
        import('../components/entity/GroupDoraCard').then(m => (
          <m.GroupDoraCard windowDays={config.windowDays} />
        )),
    });
  },
});
