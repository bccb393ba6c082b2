import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Environment,
  FreezeWindowEntry,
} from '@domain-delivery/backstage-plugin-delivery-common';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { deliveryApiRef } from '../../api';
import { describeWindow } from './describeControls';
import { FreezeWindowForm } from './FreezeWindowForm';

/**
 * Every freeze window: the recurring ones of the configuration (changed in
 * app-config, not here) and the one-off ones, which can be added and removed.
 */
export const FreezeWindowsSection = ({
  freezeWindows,
  environments,
  onChanged,
}: {
  freezeWindows: FreezeWindowEntry[];
  environments: Environment[];
  onChanged: () => void;
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  const [error, setError] = useState<string>();
  const titleOf = (name: string) =>
    environments.find(e => e.name === name)?.title ?? name;

  const remove = async (id: string) => {
    setError(undefined);
    try {
      await deliveryApi.deleteFreezeWindow!(id);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const columns: TableColumn<FreezeWindowEntry>[] = [
    { title: 'Environment', render: entry => titleOf(entry.environment) },
    { title: 'When', render: entry => describeWindow(entry.window) },
    { title: 'Reason', render: entry => entry.window.reason ?? '' },
    {
      title: 'Set by',
      render: entry =>
        entry.source === 'config' ? 'Configuration' : entry.createdBy,
    },
    { title: 'Now', render: entry => (entry.active ? 'Frozen' : '') },
    {
      title: '',
      render: entry =>
        entry.id && (
          <Button size="small" onClick={() => remove(entry.id!)}>
            Remove
          </Button>
        ),
    },
  ];

  return (
    <InfoCard title="Freeze windows">
      <FreezeWindowForm environments={environments} onAdded={onChanged} />
      {error && <Alert severity="error">{error}</Alert>}
      <Table
        title="Windows"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={freezeWindows}
        emptyContent="No freeze window is set."
      />
    </InfoCard>
  );
};
