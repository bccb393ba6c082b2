import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { Promotion } from '@domain-delivery/backstage-plugin-delivery-common';

/** The entity's name as people say it: `timetable-service`, with kind and namespace only when not the usual. */
function promotedEntityName(entityRef: string): string {
  return humanizeEntityRef(parseEntityRef(entityRef), {
    defaultKind: 'component',
  });
}

/** What a promotion moves where, e.g. `timetable-service 1.13.0 into prod`. */
export function describePromotion(
  promotion: Pick<Promotion, 'entityRef' | 'version' | 'environment'>,
): string {
  return `${promotedEntityName(promotion.entityRef)} ${
    promotion.version
  } into ${promotion.environment}`;
}
