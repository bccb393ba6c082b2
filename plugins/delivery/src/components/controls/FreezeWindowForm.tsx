import { useApi } from '@backstage/core-plugin-api';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { deliveryApiRef } from '../../api';
import { useSubmission } from './useSubmission';

const browserTimeZone = () =>
  new Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Sets a one-off freeze window: an environment, a start and an end read in a
 * time zone (the browser's unless changed), and a reason.
 */
export const FreezeWindowForm = ({
  environments,
  onAdded,
}: {
  environments: Environment[];
  onAdded: () => void;
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  const production = environments.find(e => e.production) ?? environments[0];
  const [environment, setEnvironment] = useState(production?.name ?? '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [reason, setReason] = useState('');

  const { busy, error, submit } = useSubmission(async () => {
    await deliveryApi.addFreezeWindow!({
      environment,
      start,
      end,
      timeZone,
      ...(reason.trim() && { reason: reason.trim() }),
    });
    setStart('');
    setEnd('');
    setReason('');
    onAdded();
  });

  return (
    <form onSubmit={submit} aria-label="Add a freeze window">
      <Grid container spacing={2} alignItems="center">
        <Grid item xs={12} md={2}>
          <TextField
            select
            fullWidth
            id="freeze-environment"
            label="Environment"
            value={environment}
            onChange={e => setEnvironment(e.target.value)}
          >
            {environments.map(e => (
              <MenuItem value={e.name} key={e.name}>
                {e.title}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} md={3}>
          <TextField
            fullWidth
            required
            type="datetime-local"
            id="freeze-start"
            label="From"
            InputLabelProps={{ shrink: true }}
            value={start}
            onChange={e => setStart(e.target.value)}
          />
        </Grid>
        <Grid item xs={12} md={3}>
          <TextField
            fullWidth
            required
            type="datetime-local"
            id="freeze-end"
            label="Until"
            InputLabelProps={{ shrink: true }}
            value={end}
            onChange={e => setEnd(e.target.value)}
          />
        </Grid>
        <Grid item xs={12} md={2}>
          <TextField
            fullWidth
            id="freeze-time-zone"
            label="Time zone"
            helperText="IANA, e.g. Europe/Berlin"
            value={timeZone}
            onChange={e => setTimeZone(e.target.value)}
          />
        </Grid>
        <Grid item xs={12} md={2}>
          <TextField
            fullWidth
            id="freeze-reason"
            label="Reason"
            value={reason}
            onChange={e => setReason(e.target.value)}
            inputProps={{ maxLength: 500 }}
          />
        </Grid>
        <Grid item xs={12}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={busy || !environment || !start || !end}
          >
            Add freeze window
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
