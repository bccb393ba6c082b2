import { Entity } from '@backstage/catalog-model';
import { component, entity, group } from './startDeliveryBackend';

/** The entities of the deployment filter tests. */
export const parking = 'component:default/parking-api';
export const bike = 'component:default/bike-api';
export const weather = 'component:default/weather-api';

// parking-api and bike-api belong to smart-city through mobility;
// weather-api to no domain, owned by weather-team.
export const catalog: Entity[] = [
  entity('Domain', 'smart-city'),
  entity('System', 'mobility', { domain: 'smart-city' }),
  group('smart-city'),
  group('weather-team'),
  component('parking-api', { system: 'mobility' }),
  component('bike-api', { system: 'mobility' }),
  {
    ...component('weather-api'),
    spec: { ...component('weather-api').spec, owner: 'group:weather-team' },
  },
];

/** A query parameter, encoded. */
export const q = (name: string, value: string) =>
  `${name}=${encodeURIComponent(value)}`;
