import { useEntity } from '@backstage/plugin-catalog-react';
import { normalizeEntityRef } from '@domain-delivery/backstage-plugin-delivery-common';
import { DoraWindowDays } from '../../../dora/doraWindow';
import { DoraSection } from '../../dora/DoraSection';

/**
 * What an app can set on the team's DORA card.
 *
 * @public
 */
export interface GroupDoraCardProps {
  /** The window the card opens with, 30 or 90 days (default 30); the reader can still switch. */
  windowDays?: DoraWindowDays;
}

/**
 * A card for a Group's page: the team's DORA metrics, pooled over the
 * entities it owns.
 */
export const GroupDoraCard = ({ windowDays }: GroupDoraCardProps) => {
  const { entity } = useEntity();
  const name = entity.metadata.title ?? entity.metadata.name;
  return (
    <DoraSection
      entityRef={normalizeEntityRef(entity)}
      title="DORA metrics of the team"
      scope={`the components ${name} owns`}
      windowDays={windowDays}
    />
  );
};
