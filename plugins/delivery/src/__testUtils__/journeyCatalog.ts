import { Entity } from '@backstage/catalog-model';

const entity = (
  kind: string,
  name: string,
  spec: Record<string, string>,
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { namespace: 'default', name, ...(title && { title }) },
  spec,
});

/** The catalog of the small portal. */
export const journeyCatalog: Entity[] = [
  entity(
    'Domain',
    'journey',
    { owner: 'group:default/team-journey' },
    'Journey',
  ),
  entity(
    'Domain',
    'business-enablement',
    { owner: 'group:default/team-business-enablement' },
    'Business Enablement',
  ),
  entity('Component', 'journey-planner-service', {
    owner: 'team-journey',
    system: 'trip-planning',
    type: 'service',
    lifecycle: 'production',
  }),
  entity('Component', 'timetable-service', {
    owner: 'group:default/team-timetables',
    system: 'trip-planning',
    type: 'service',
    lifecycle: 'production',
  }),
  entity('Component', 'payments-api', {
    owner: 'team-business-enablement',
    system: 'billing-platform',
    type: 'service',
    lifecycle: 'production',
  }),
];
