import { Entity } from '@backstage/catalog-model';
import { isDeliveryEnabled } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * Whether the delivery tab and cards apply to the entity: it carries a
 * non-empty `domain-delivery.io/service` annotation. Use it in an
 * `EntitySwitch.Case` of a legacy entity page; the new frontend system's
 * extensions apply the same rule.
 *
 * @public
 */
export function isDeliveryAvailable(entity: Entity): boolean {
  return isDeliveryEnabled(entity);
}
