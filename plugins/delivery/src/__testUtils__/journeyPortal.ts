import {
  Deployment,
  DomainMatrix,
  DomainMatrixRow,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { DeploymentQuery } from '../api';
import {
  aDeployment,
  anEnvironmentStatus,
  aPage,
  hoursAgo,
  summaryOf,
  threeEnvironments,
} from './builders';
import { stubDeliveryApi } from './deliveryApiStub';
import { doraAnswer } from './doraAnswer';
import { PAYMENTS } from './paymentsFixture';
import { PLANNER, TIMETABLE } from './promotionFixtures';

export const JOURNEY = 'domain:default/journey';
export const BUSINESS_ENABLEMENT = 'domain:default/business-enablement';

const [dev, staging, prod] = threeEnvironments;

/**
 * The deployments of a small portal, newest first: journey (planner with
 * drift and a failure in prod, timetable in sync) and business-enablement
 * (payments-api, failing in dev).
 */
export const journeyDeployments = {
  paymentsDevFailed: aDeployment({
    entityRef: PAYMENTS,
    version: '1.3.1',
    status: 'failed',
    finishedAt: hoursAgo(1),
  }),
  plannerProdFailed: aDeployment({
    entityRef: PLANNER,
    environment: 'prod',
    version: '1.26.2',
    trigger: 'promotion',
    status: 'failed',
    finishedAt: hoursAgo(2),
  }),
  plannerStaging: aDeployment({
    entityRef: PLANNER,
    environment: 'staging',
    version: '1.26.2',
    trigger: 'promotion',
    finishedAt: hoursAgo(3),
  }),
  plannerDev: aDeployment({
    entityRef: PLANNER,
    version: '1.26.2',
    finishedAt: hoursAgo(4),
  }),
  paymentsDev: aDeployment({
    entityRef: PAYMENTS,
    version: '1.3.0',
    finishedAt: hoursAgo(6),
  }),
  plannerProd: aDeployment({
    entityRef: PLANNER,
    environment: 'prod',
    version: '1.26.0',
    trigger: 'promotion',
    finishedAt: hoursAgo(30),
  }),
  timetableProd: aDeployment({
    entityRef: TIMETABLE,
    environment: 'prod',
    version: '1.12.2',
    trigger: 'promotion',
    finishedAt: hoursAgo(48),
  }),
  timetableStaging: aDeployment({
    entityRef: TIMETABLE,
    environment: 'staging',
    version: '1.12.2',
    trigger: 'promotion',
    finishedAt: hoursAgo(49),
  }),
  timetableDev: aDeployment({
    entityRef: TIMETABLE,
    version: '1.12.2',
    finishedAt: hoursAgo(50),
  }),
};

const all = Object.values(journeyDeployments);
const domainOf: Record<string, string> = {
  [PLANNER]: JOURNEY,
  [TIMETABLE]: JOURNEY,
  [PAYMENTS]: BUSINESS_ENABLEMENT,
};
const ownerOf: Record<string, string> = {
  [PLANNER]: 'group:default/team-journey',
  [TIMETABLE]: 'group:default/team-timetables',
  [PAYMENTS]: 'group:default/team-business-enablement',
};

/** The portal's deployments a history query picks, newest first, on one page. */
function deploymentsFor(query: DeploymentQuery = {}): Deployment[] {
  const refs = [query.entityRef ?? []].flat();
  return all.filter(
    d =>
      (refs.length === 0 || refs.includes(d.entityRef)) &&
      (!query.domain || domainOf[d.entityRef] === query.domain) &&
      (!query.owner || ownerOf[d.entityRef] === query.owner) &&
      (!query.environment || d.environment === query.environment) &&
      (!query.status || [query.status].flat().includes(d.status)),
  );
}

const { plannerDev, plannerStaging, plannerProd, plannerProdFailed } =
  journeyDeployments;
const environments = threeEnvironments.map(summaryOf);

const cell = (d: Deployment, drift = false) => ({
  environment: d.environment,
  drift,
  version: d.version,
  deploymentId: d.id,
  finishedAt: d.finishedAt,
  status: d.status,
});

const journeyRows: DomainMatrixRow[] = [
  {
    entityRef: PLANNER,
    title: 'Journey Planner Service',
    system: 'system:default/trip-planning',
    drift: true,
    cells: [
      cell(plannerDev),
      cell(plannerStaging),
      {
        ...cell(plannerProd, true),
        status: 'failed',
        latest: {
          deploymentId: plannerProdFailed.id,
          version: '1.26.2',
          status: 'failed',
        },
      },
    ],
  },
  {
    entityRef: TIMETABLE,
    title: 'Timetable Service',
    system: 'system:default/trip-planning',
    drift: false,
    cells: [
      cell(journeyDeployments.timetableDev),
      cell(journeyDeployments.timetableStaging),
      cell(journeyDeployments.timetableProd),
    ],
  },
];

/** The components × environments matrices of the portal's domains. */
export const journeyMatrices: Record<string, DomainMatrix> = {
  [JOURNEY]: { domainRef: JOURNEY, environments, rows: journeyRows },
  [BUSINESS_ENABLEMENT]: {
    domainRef: BUSINESS_ENABLEMENT,
    environments,
    rows: [
      {
        entityRef: PAYMENTS,
        title: 'Payments API',
        system: 'system:default/billing-platform',
        drift: false,
        cells: [
          {
            ...cell(journeyDeployments.paymentsDev),
            status: 'failed',
            latest: {
              deploymentId: journeyDeployments.paymentsDevFailed.id,
              version: '1.3.1',
              status: 'failed',
            },
          },
          { environment: 'staging', drift: false },
          { environment: 'prod', drift: false },
        ],
      },
    ],
  },
};

/** Where journey-planner-service runs: prod one version behind staging. */
export const plannerEnvironments = {
  entityRef: PLANNER,
  items: [
    anEnvironmentStatus(dev, plannerDev, {
      environment: 'staging',
      version: '1.26.2',
      missing: { versions: [], commits: [] },
    }),
    anEnvironmentStatus(staging, plannerStaging, {
      environment: 'prod',
      version: '1.26.0',
      missing: {
        versions: [
          {
            version: '1.26.2',
            deploymentId: plannerStaging.id,
            finishedAt: plannerStaging.finishedAt!,
          },
        ],
        commits: [],
      },
    }),
    anEnvironmentStatus(prod, plannerProd),
  ],
};

// In the last 30 days: one production deployment of each journey component,
// no commits reported, nothing of business-enablement.
const oneDeployment = {
  deployments: 1,
  deploymentFrequencyPerDay: 1 / 30,
  changeFailureRate: 0,
  reworkRate: 0,
};
const twoDeployments = {
  ...oneDeployment,
  deployments: 2,
  deploymentFrequencyPerDay: 2 / 30,
};
const rated = {
  deploymentFrequency: 'medium',
  changeFailureRate: 'elite',
} as const;
const doraByScope: Record<string, typeof oneDeployment> = {
  portal: twoDeployments,
  [JOURNEY]: twoDeployments,
  [PLANNER]: oneDeployment,
  [TIMETABLE]: oneDeployment,
  'group:default/team-journey': oneDeployment,
  'group:default/team-timetables': oneDeployment,
};

/**
 * The delivery API of the small portal: every read answers what the backend
 * answers for it, as `jest.fn()`s.
 */
export function journeyApi() {
  return stubDeliveryApi({
    getEnvironments: async () => threeEnvironments,
    getEntityEnvironments: async entityRef => {
      if (entityRef !== PLANNER) {
        throw new Error(`No fixture for ${entityRef}`);
      }
      return plannerEnvironments;
    },
    getDeployments: async query => aPage(deploymentsFor(query)),
    getDomainMatrix: async domainRef =>
      journeyMatrices[domainRef] ?? { domainRef, environments, rows: [] },
    getDora: async query => {
      const numbers = doraByScope[query.entityRef ?? 'portal'];
      return numbers ? doraAnswer(query, numbers, rated) : doraAnswer(query);
    },
    countOpenIncidents: async ref => (ref === JOURNEY ? 1 : 0),
    countPendingApprovals: async () => 0,
    getDoraTiers: async ref =>
      ref === JOURNEY
        ? { ...rated, leadTime: null, recovery: null }
        : {
            deploymentFrequency: 'low',
            leadTime: null,
            changeFailureRate: null,
            recovery: null,
          },
  });
}
