import { useEntity } from '@backstage/plugin-catalog-react';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraSection } from '../../dora/DoraSection';

/**
 * A card for a Group's page: the team's DORA metrics, pooled over the
 * entities it owns.
 */
export const GroupDoraCard = () => {
  const { entity } = useEntity();
  const name = entity.metadata.title ?? entity.metadata.name;
  return (
    <DoraSection
      entityRef={normalizeEntityRef(entity)}
      title="DORA metrics of the team"
      scope={`the components ${name} owns`}
    />
  );
};
