import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import {
  deliveryRollbackCreatePermission,
  EnvironmentSummary,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import { RollbackDialog } from './RollbackDialog';

/**
 * Rolls a production environment back to a version that ran there before,
 * after confirmation; offered only to whoever may request a rollback.
 */
export const RollbackButton = ({
  entityRef,
  environment,
  currentVersion,
  onRequested,
}: {
  entityRef: string;
  environment: EnvironmentSummary;
  /** The version running now, which the rollback leaves. */
  currentVersion: string;
  onRequested: (promotion: RequestedPromotion) => void;
}) => {
  const [open, setOpen] = useState(false);
  const permission = usePermission({
    permission: deliveryRollbackCreatePermission,
    resourceRef: entityRef,
  });
  if (!permission.allowed) {
    return null;
  }
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        Roll back {environment.title}
      </Button>
      {open && (
        <RollbackDialog
          entityRef={entityRef}
          environment={environment}
          currentVersion={currentVersion}
          onClose={() => setOpen(false)}
          onRequested={promotion => {
            setOpen(false);
            onRequested(promotion);
          }}
        />
      )}
    </>
  );
};
