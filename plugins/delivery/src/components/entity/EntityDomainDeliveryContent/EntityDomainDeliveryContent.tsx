import { useEntity } from '@backstage/plugin-catalog-react';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';
import { DomainDeliveryContent } from '../../domains/DomainDeliveryContent';

/** The Domain entity page's Delivery tab. */
export const EntityDomainDeliveryContent = () => {
  const { entity } = useEntity();
  return <DomainDeliveryContent domainRef={normalizeEntityRef(entity)} />;
};
