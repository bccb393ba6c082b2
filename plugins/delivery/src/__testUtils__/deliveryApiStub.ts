import { DeliveryApi } from '../api';

/** A delivery API whose every method is a `jest.fn()`, for the views' tests. */
export type DeliveryApiStub = jest.Mocked<Required<DeliveryApi>>;

/**
 * A delivery API whose methods answer what the test gives them, as
 * `jest.fn()`s a test can inspect. A read the test gives no answer for fails,
 * saying which, so a view shows its error for it; the lists a view reads on
 * the side (promotions, deployments, freezes, halts) answer empty.
 */
export function stubDeliveryApi(
  answers: Partial<DeliveryApi> = {},
): DeliveryApiStub {
  const unanswered = (method: string) => async () => {
    throw new Error(`The test gives no answer to ${method}`);
  };
  const stub: Required<DeliveryApi> = {
    getEnvironments: unanswered('getEnvironments'),
    getEntityEnvironments: unanswered('getEntityEnvironments'),
    getDeployments: async () => ({ items: [] }),
    getDomainMatrix: unanswered('getDomainMatrix'),
    previewPromotion: unanswered('previewPromotion'),
    requestPromotion: unanswered('requestPromotion'),
    listPromotions: async () => [],
    getPromotion: unanswered('getPromotion'),
    approvePromotion: unanswered('approvePromotion'),
    rejectPromotion: unanswered('rejectPromotion'),
    cancelPromotion: unanswered('cancelPromotion'),
    getDora: unanswered('getDora'),
    countOpenIncidents: async () => undefined,
    countPendingApprovals: async () => undefined,
    getDoraTiers: async () => undefined,
    getPipelineHealth: unanswered('getPipelineHealth'),
    listFreezeWindows: async () => [],
    addFreezeWindow: unanswered('addFreezeWindow'),
    deleteFreezeWindow: unanswered('deleteFreezeWindow'),
    listHalts: async () => [],
    halt: unanswered('halt'),
    liftHalt: unanswered('liftHalt'),
    ...answers,
  };
  return Object.fromEntries(
    Object.entries(stub).map(([method, answer]) => [
      method,
      jest.fn(answer as (...args: unknown[]) => unknown),
    ]),
  ) as unknown as DeliveryApiStub;
}
