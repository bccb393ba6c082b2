import { parseEntityRef } from '@backstage/catalog-model';
import {
  Promotion,
  PromotionPreview,
  PromotionRequest,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { hoursAgo } from './builders';

export const ENGINEER = 'user:default/engineer';
export const ADMIN = 'user:default/platform-admin';
export const TIMETABLE = 'component:default/timetable-service';
export const PLANNER = 'component:default/journey-planner-service';
export const PLATFORM_ADMINS = 'group:default/platform-admins';

/** A promotion of timetable-service into prod that waits for one approval of the platform admins. */
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
    approvers: [PLATFORM_ADMINS],
    allowSelfApproval: false,
    approvals: [],
    transitions: [{ to: 'pending_approval', actor: ENGINEER, at: requestedAt }],
    ...overrides,
  };
}

/** The backend's answer to a promotion request it accepted: waiting for approval. */
export function aRequestedPromotion(
  request: PromotionRequest,
  fromVersion: string,
  overrides: Partial<RequestedPromotion> = {},
): RequestedPromotion {
  return {
    ...aPendingPromotion({
      id: 'promotion-requested',
      ...request,
      trigger: request.trigger ?? 'promotion',
      fromVersion,
      requestedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      transitions: [],
    }),
    warnings: [],
    ...overrides,
  };
}

/**
 * The backend's preview of a promotion into prod that no rule refuses: the
 * image tag of the entity's values file from `currentVersion` to the version,
 * one approval of the platform admins, an hour of soak done twice over.
 */
export function aPreview(
  request: Pick<PromotionRequest, 'entityRef' | 'environment' | 'version'> &
    Partial<PromotionRequest>,
  currentVersion: string,
  overrides: Partial<PromotionPreview> = {},
): PromotionPreview {
  const { name } = parseEntityRef(request.entityRef);
  const path = `apps/${name}/values-${request.environment}.yaml`;
  const values = (tag: string) =>
    `image:\n  repository: ghcr.io/example/${name}\n  tag: ${tag}\n`;
  return {
    entityRef: request.entityRef,
    environment: request.environment,
    version: request.version,
    trigger: request.trigger ?? 'promotion',
    currentVersion,
    sourceEnvironment: 'staging',
    commits: [],
    change: {
      executor: 'gitops-local',
      description: `Commits image.tag ${request.version} to ${path} in the local GitOps repository`,
      files: [
        {
          path,
          before: values(currentVersion),
          after: values(request.version),
          diff: `--- a/${path}\n+++ b/${path}\n@@ -1,3 +1,3 @@\n image:\n   repository: ghcr.io/example/${name}\n-  tag: ${currentVersion}\n+  tag: ${request.version}\n`,
        },
      ],
    },
    approvals: {
      required: 1,
      approvers: [PLATFORM_ADMINS],
      allowSelfApproval: false,
    },
    soak: {
      requiredSeconds: 3600,
      soakedSeconds: 7200,
      readyAt: hoursAgo(1),
    },
    changeFailureRate: null,
    violations: [],
    warnings: [],
    ...overrides,
  };
}
