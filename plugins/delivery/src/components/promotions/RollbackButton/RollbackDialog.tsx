import { Progress } from '@backstage/core-components';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  EnvironmentSummary,
  RequestedPromotion,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useState } from 'react';
import { formatAbsoluteTime } from '../../shared/RelativeTime/relativeTime';
import { PromotionDialog } from '../PromotionDialog';
import { useEarlierVersions } from './useEarlierVersions';

/**
 * Confirms a rollback: the version to return to (by default the one that ran
 * before the current one), then everything the rollback will do.
 */
export const RollbackDialog = ({
  entityRef,
  environment,
  currentVersion,
  onClose,
  onRequested,
}: {
  entityRef: string;
  environment: EnvironmentSummary;
  currentVersion: string;
  onClose: () => void;
  onRequested: (promotion: RequestedPromotion) => void;
}) => {
  const earlier = useEarlierVersions(
    entityRef,
    environment.name,
    currentVersion,
  );
  const [chosen, setChosen] = useState<string>();
  const version = chosen ?? earlier.value?.[0]?.version;

  return (
    <PromotionDialog
      title={`Roll back ${environment.title} from ${currentVersion}${
        version ? ` to ${version}` : ''
      }`}
      request={
        version
          ? {
              entityRef,
              environment: environment.name,
              version,
              trigger: 'rollback',
            }
          : undefined
      }
      environment={environment}
      confirmLabel={() => 'Roll back'}
      onClose={onClose}
      onRequested={onRequested}
    >
      {earlier.loading && <Progress />}
      {earlier.error && (
        <Alert severity="error">
          Could not read the versions that ran in {environment.title}:{' '}
          {earlier.error.message}
        </Alert>
      )}
      {earlier.value?.length === 0 && (
        <Typography>
          No earlier version ran in {environment.title}: there is nothing to
          roll back to.
        </Typography>
      )}
      {version && earlier.value && (
        <TextField
          id={`rollback-version-${environment.name}`}
          select
          label="Version to roll back to"
          value={version}
          onChange={event => setChosen(event.target.value)}
          SelectProps={{ native: true }}
          fullWidth
          margin="normal"
          variant="outlined"
        >
          {earlier.value.map(option => (
            <option key={option.version} value={option.version}>
              {option.version}
              {option.finishedAt &&
                ` (deployed ${formatAbsoluteTime(
                  new Date(option.finishedAt),
                )})`}
            </option>
          ))}
        </TextField>
      )}
    </PromotionDialog>
  );
};
