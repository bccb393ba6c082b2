import { Entity } from '@backstage/catalog-model';
import { InMemoryDeliveryApi } from './InMemoryDeliveryApi';
import { aDeployment, hoursAgo, threeEnvironments } from './builders';

const planner = 'component:default/journey-planner-service';
const timetable = 'component:default/timetable-service';
const payments = 'component:default/payments-api';

/**
 * A small portal: journey (planner with drift, a failure and an open
 * incident, timetable in sync with a resolved one) and business-enablement
 * (payments-api), owned by two teams.
 */
export function journeyDeliveryApi() {
  return new InMemoryDeliveryApi({
    environments: threeEnvironments,
    components: [
      {
        entityRef: planner,
        title: 'Journey Planner Service',
        system: 'system:default/trip-planning',
        domain: 'domain:default/journey',
        owner: 'group:default/team-journey',
      },
      {
        entityRef: timetable,
        title: 'Timetable Service',
        system: 'system:default/trip-planning',
        domain: 'domain:default/journey',
        owner: 'group:default/team-timetables',
      },
      {
        entityRef: payments,
        title: 'Payments API',
        system: 'system:default/billing-platform',
        domain: 'domain:default/business-enablement',
        owner: 'group:default/team-business-enablement',
      },
    ],
    deployments: [
      aDeployment({
        entityRef: planner,
        environment: 'dev',
        version: '1.26.2',
        finishedAt: hoursAgo(4),
      }),
      aDeployment({
        entityRef: planner,
        environment: 'staging',
        version: '1.26.2',
        trigger: 'promotion',
        finishedAt: hoursAgo(3),
      }),
      aDeployment({
        entityRef: planner,
        environment: 'prod',
        version: '1.26.0',
        trigger: 'promotion',
        finishedAt: hoursAgo(30),
      }),
      aDeployment({
        entityRef: planner,
        environment: 'prod',
        version: '1.26.2',
        trigger: 'promotion',
        status: 'failed',
        finishedAt: hoursAgo(2),
      }),
      aDeployment({
        entityRef: timetable,
        environment: 'dev',
        version: '1.12.2',
        finishedAt: hoursAgo(50),
      }),
      aDeployment({
        entityRef: timetable,
        environment: 'staging',
        version: '1.12.2',
        trigger: 'promotion',
        finishedAt: hoursAgo(49),
      }),
      aDeployment({
        entityRef: timetable,
        environment: 'prod',
        version: '1.12.2',
        trigger: 'promotion',
        finishedAt: hoursAgo(48),
      }),
      aDeployment({
        entityRef: payments,
        environment: 'dev',
        version: '1.3.1',
        status: 'failed',
        finishedAt: hoursAgo(1),
      }),
      aDeployment({
        entityRef: payments,
        environment: 'dev',
        version: '1.3.0',
        finishedAt: hoursAgo(6),
      }),
    ],
    incidents: [
      {
        id: 'pd-planner',
        entityRef: planner,
        environment: 'prod',
        openedAt: hoursAgo(1.5),
      },
      {
        id: 'pd-timetable',
        entityRef: timetable,
        environment: 'prod',
        openedAt: hoursAgo(47),
        resolvedAt: hoursAgo(46),
      },
    ],
  });
}

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
