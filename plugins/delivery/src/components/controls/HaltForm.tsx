import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';
import { useSubmission } from './useSubmission';

/** Halts every promotion of the portal or of one domain, with a reason. */
export const HaltForm = ({ onHalted }: { onHalted: () => void }) => {
  const deliveryApi = useApi(deliveryApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [scope, setScope] = useState('portal');
  const [reason, setReason] = useState('');
  const domains = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'domain' },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
    });
    return items
      .map(domain => ({
        ref: stringifyEntityRef(domain).toLocaleLowerCase('en-US'),
        title: domain.metadata.title ?? domain.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);

  const { busy, error, submit } = useSubmission(async () => {
    await deliveryApi.halt!({ scope, reason });
    setReason('');
    onHalted();
  });

  return (
    <form onSubmit={submit} aria-label="Halt promotions">
      <Grid container spacing={2} alignItems="center">
        <Grid item xs={12} md={4}>
          <TextField
            select
            fullWidth
            id="halt-scope"
            label="What to halt"
            value={scope}
            onChange={e => setScope(e.target.value)}
          >
            <MenuItem value="portal">Every promotion of the portal</MenuItem>
            {(domains.value ?? []).map(domain => (
              <MenuItem value={domain.ref} key={domain.ref}>
                Promotions of the domain {domain.title}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} md={6}>
          <TextField
            fullWidth
            required
            id="halt-reason"
            label="Reason"
            helperText="Shown on every Promote button it stops"
            value={reason}
            onChange={e => setReason(e.target.value)}
            inputProps={{ maxLength: 500 }}
          />
        </Grid>
        <Grid item xs={12} md={2}>
          <Button
            type="submit"
            variant="contained"
            color="secondary"
            disabled={busy || reason.trim() === ''}
          >
            Halt
          </Button>
        </Grid>
        {error && (
          <Grid item xs={12}>
            <Alert severity="error">{error}</Alert>
          </Grid>
        )}
      </Grid>
    </form>
  );
};
