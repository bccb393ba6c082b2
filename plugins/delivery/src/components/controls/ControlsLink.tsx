import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { deliveryAdminPermission } from '@domain-delivery/backstage-plugin-delivery-common';
import { controlsRouteRef } from '../../routes';

/** A link to the freezes and halts, for platform admins only (`delivery.admin`). */
export const ControlsLink = () => {
  const controlsRoute = useRouteRef(controlsRouteRef);
  const permission = usePermission({ permission: deliveryAdminPermission });
  if (permission.loading || !permission.allowed) {
    return null;
  }
  return (
    <LinkButton to={controlsRoute()} variant="outlined" color="primary">
      Freezes and halts
    </LinkButton>
  );
};
