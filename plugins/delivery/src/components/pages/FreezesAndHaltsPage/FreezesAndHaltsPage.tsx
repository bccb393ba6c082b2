import {
  Content,
  ContentHeader,
  Link,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { deliveryAdminPermission } from '@domain-delivery/backstage-plugin-delivery-common';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../../api';
import { rootRouteRef } from '../../../routes';
import { FreezeWindowsSection } from '../../controls/FreezeWindowsSection';
import { HaltsSection } from '../../controls/HaltsSection';
import { useControls } from '../../controls/useControls';
import { LoadingState } from '../../shared/LoadingState';

const Controls = () => {
  const deliveryApi = useApi(deliveryApiRef);
  const controls = useControls();
  const environments = useAsync(
    () => deliveryApi.getEnvironments(),
    [deliveryApi],
  );
  const error = controls.error ?? environments.error;
  if (error) {
    return (
      <ResponseErrorPanel
        title="Could not load the freezes and halts"
        error={error}
      />
    );
  }
  if (!controls.value || !environments.value) {
    return <LoadingState message="Loading the freezes and halts…" />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <HaltsSection
          halts={controls.value.halts}
          onChanged={controls.reload}
        />
      </Grid>
      <Grid item xs={12}>
        <FreezeWindowsSection
          freezeWindows={controls.value.freezeWindows}
          environments={environments.value}
          onChanged={controls.reload}
        />
      </Grid>
    </Grid>
  );
};

/** A platform admin's freezes and halts; others are told they may not. */
export const FreezesAndHaltsPage = () => {
  const overview = useRouteRef(rootRouteRef);
  const permission = usePermission({ permission: deliveryAdminPermission });
  let body;
  if (permission.loading) {
    body = <LoadingState message="Checking your permissions…" />;
  } else if (!permission.allowed) {
    body = (
      <Alert severity="info">
        Only platform admins (the <code>delivery.admin</code> permission) set
        freeze windows and halts.
      </Alert>
    );
  } else {
    body = <Controls />;
  }
  return (
    <Content>
      <ContentHeader
        title="Freezes and halts"
        description="Stop promotions for a while, or at once for an incident"
      >
        <Link to={overview()}>All domains</Link>
      </ContentHeader>
      {body}
    </Content>
  );
};
