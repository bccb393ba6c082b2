import { Entity } from '@backstage/catalog-model';
import { PromotionExecutionRequest } from '@domain-delivery/backstage-plugin-delivery-node';

/** parking-api with the given delivery annotations, as the executors receive it. */
export function parkingApi(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'parking-api', annotations },
    spec: { owner: 'group:default/team-smart-city' },
  };
}

/** An approved promotion of parking-api 1.1.0 → 1.2.0 into prod, handed to an executor. */
export function anExecutionRequest(
  entity: Entity,
  overrides: Partial<PromotionExecutionRequest> &
    Pick<PromotionExecutionRequest, 'executor'>,
): PromotionExecutionRequest {
  return {
    promotionId: 'p1',
    entityRef: 'component:default/parking-api',
    entity,
    environment: 'prod',
    version: '1.2.0',
    currentVersion: '1.1.0',
    trigger: 'promotion',
    reason: 'Weekly release',
    requester: 'user:default/engineer',
    approvers: ['user:default/platform-admin'],
    ...overrides,
  };
}
