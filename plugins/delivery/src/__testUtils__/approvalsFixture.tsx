import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { Promotion } from '@internal/backstage-plugin-delivery-common';
import { ReactElement } from 'react';
import { aDeployment, hoursAgo, threeEnvironments } from './builders';
import { InMemoryDeliveryApi } from './InMemoryDeliveryApi';
import { InMemoryPromotions } from './InMemoryPromotions';
import { journeyCatalog } from './journeyFixture';
import { permissionsDenying } from './permissions';
import { renderView } from './renderView';

export const ENGINEER = 'user:default/engineer';
export const ADMIN = 'user:default/platform-admin';
export const TIMETABLE = 'component:default/timetable-service';
export const PLANNER = 'component:default/journey-planner-service';

/** A promotion into prod that waits for one approval of the platform admins. */
export function aPendingPromotion(
  overrides: Partial<Promotion> = {},
): Promotion {
  const requestedAt = overrides.requestedAt ?? hoursAgo(1);
  return {
    id: 'promotion-timetable',
    entityRef: TIMETABLE,
    environment: 'prod',
    version: '1.13.0',
    fromVersion: '1.12.2',
    trigger: 'promotion',
    reason: 'New winter timetables',
    state: 'pending_approval',
    requestedBy: ENGINEER,
    requestedAt,
    updatedAt: requestedAt,
    requiredApprovals: 1,
    approvers: ['group:default/platform-admins'],
    allowSelfApproval: false,
    approvals: [],
    transitions: [{ to: 'pending_approval', actor: ENGINEER, at: requestedAt }],
    ...overrides,
  };
}

/**
 * The journey domain with timetable-service 1.13.0 in staging and 1.12.2 in
 * prod, and the given promotions, decided by `user`.
 */
export function approvalsDeliveryApi(options: {
  promotions: Promotion[];
  user?: string;
}) {
  return new InMemoryDeliveryApi({
    environments: threeEnvironments,
    components: [
      {
        entityRef: TIMETABLE,
        system: 'system:default/trip-planning',
        domain: 'domain:default/journey',
      },
      {
        entityRef: PLANNER,
        system: 'system:default/trip-planning',
        domain: 'domain:default/journey',
      },
    ],
    deployments: [
      aDeployment({
        entityRef: TIMETABLE,
        environment: 'prod',
        version: '1.12.2',
        finishedAt: hoursAgo(48),
      }),
      aDeployment({
        entityRef: TIMETABLE,
        environment: 'staging',
        version: '1.12.2',
        finishedAt: hoursAgo(50),
      }),
      aDeployment({
        entityRef: TIMETABLE,
        environment: 'staging',
        version: '1.13.0',
        finishedAt: hoursAgo(5),
        commits: [{ sha: 'a1b2c3d4e5f6', committedAt: hoursAgo(7) }],
      }),
    ],
    promotions: new InMemoryPromotions({
      promotions: options.promotions,
      user: options.user ?? ADMIN,
      policies: {
        prod: {
          requiredApprovals: 1,
          approvers: ['group:default/platform-admins'],
        },
      },
    }),
  });
}

/**
 * Renders a view as a signed-in user who may, or may not, approve
 * promotions (`delivery.promotion.approve`).
 */
export function renderAsApprover(
  element: ReactElement,
  options: {
    api: InMemoryDeliveryApi;
    user?: string;
    mayApprove?: boolean;
  },
) {
  return renderView(
    <TestApiProvider
      apis={[
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: options.user ?? ADMIN }),
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      api: options.api,
      catalogEntities: journeyCatalog,
      // Everything is allowed, `delivery.promotion.approve` only when `mayApprove`.
      permissionApi: permissionsDenying(
        ...(options.mayApprove === false ? ['delivery.promotion.approve'] : []),
      ),
    },
  );
}
