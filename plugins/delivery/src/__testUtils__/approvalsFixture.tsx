import { identityApiRef } from '@backstage/core-plugin-api';
import { ConflictError } from '@backstage/errors';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  Promotion,
  PromotionState,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ReactElement } from 'react';
import { PromotionQuery } from '../api';
import {
  aDeployment,
  anEnvironmentStatus,
  hoursAgo,
  threeEnvironments,
} from './builders';
import { DeliveryApiStub, stubDeliveryApi } from './deliveryApiStub';
import { journeyCatalog } from './journeyCatalog';
import { permissionsDenying } from './permissions';
import { ADMIN, aPreview, TIMETABLE } from './promotionFixtures';
import { renderView } from './renderView';

export {
  ADMIN,
  aPendingPromotion,
  ENGINEER,
  PLANNER,
  TIMETABLE,
} from './promotionFixtures';

const [dev, staging, prod] = threeEnvironments;
const commit = { sha: 'a1b2c3d4e5f6', committedAt: hoursAgo(7) };
const timetableStaging = aDeployment({
  entityRef: TIMETABLE,
  environment: 'staging',
  version: '1.13.0',
  finishedAt: hoursAgo(5),
  commits: [commit],
});

/** timetable-service: 1.13.0 in staging, 1.12.2 in prod. */
const timetableEnvironments = {
  entityRef: TIMETABLE,
  items: [
    anEnvironmentStatus(dev),
    anEnvironmentStatus(staging, timetableStaging, {
      environment: 'prod',
      version: '1.12.2',
      missing: {
        versions: [
          {
            version: '1.13.0',
            deploymentId: timetableStaging.id,
            finishedAt: timetableStaging.finishedAt!,
          },
        ],
        commits: [commit],
      },
    }),
    anEnvironmentStatus(
      prod,
      aDeployment({
        entityRef: TIMETABLE,
        environment: 'prod',
        version: '1.12.2',
        finishedAt: hoursAgo(48),
      }),
    ),
  ],
};

/**
 * The delivery API of the approvals inbox over the given promotions:
 * previews of timetable-service from 1.12.2, and decisions by `user` that
 * the promotions list then answers, as the backend would after them.
 */
export function approvalsDeliveryApi(options: {
  promotions: Promotion[];
  user?: string;
}): DeliveryApiStub {
  let promotions = options.promotions;
  const user = options.user ?? ADMIN;
  const decide =
    (to: PromotionState, verb: string) =>
    async (id: string, comment?: string) => {
      const promotion = promotions.find(p => p.id === id)!;
      if (promotion.state !== 'pending_approval') {
        throw new ConflictError(
          `Promotion ${id} is ${promotion.state} and can no longer be ${verb}`,
        );
      }
      const at = new Date().toISOString();
      const decided: Promotion = {
        ...promotion,
        state: to,
        updatedAt: at,
        transitions: [
          ...(promotion.transitions ?? []),
          { from: promotion.state, to, actor: user, at, comment },
        ],
      };
      promotions = promotions.map(p => (p.id === id ? decided : p));
      return decided;
    };
  return stubDeliveryApi({
    getEnvironments: async () => threeEnvironments,
    getEntityEnvironments: async () => timetableEnvironments,
    previewPromotion: async request =>
      aPreview(request, '1.12.2', { commits: [commit] }),
    listPromotions: async (query: PromotionQuery = {}) =>
      promotions.filter(p => !query.state || p.state === query.state),
    getPromotion: async id => promotions.find(p => p.id === id)!,
    approvePromotion: decide('approved', 'approved'),
    rejectPromotion: decide('rejected', 'rejected'),
  });
}

/**
 * Renders a view as a signed-in user who may, or may not, approve
 * promotions (`delivery.promotion.approve`).
 */
export function renderAsApprover(
  element: ReactElement,
  options: {
    api: DeliveryApiStub;
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
