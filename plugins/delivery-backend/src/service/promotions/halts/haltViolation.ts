import { PromotionViolation } from '@domain-delivery/backstage-plugin-delivery-common';
import { HaltRecord } from '../../../database/promotions/PromotionStore';
import { PORTAL_SCOPE } from './haltScope';

/** The `halt` rule's refusal: who halted what, since when, and why. */
export function haltViolation(halt: HaltRecord): PromotionViolation {
  const what =
    halt.scope === PORTAL_SCOPE
      ? 'all promotions are'
      : `the promotions of ${halt.scope} are`;
  return {
    rule: 'halt',
    message: `${what} halted since ${halt.createdAt} by ${halt.createdBy}: ${halt.reason}`,
  };
}
