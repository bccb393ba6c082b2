import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Halt } from '@domain-delivery/backstage-plugin-delivery-common';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { deliveryApiRef } from '../../api';
import { describeHalt } from './describeControls';
import { HaltForm } from './HaltForm';

/** The halts in force with a Lift button each, the form to halt, and the recent history. */
export const HaltsSection = ({
  halts,
  onChanged,
}: {
  halts: Halt[];
  onChanged: () => void;
}) => {
  const deliveryApi = useApi(deliveryApiRef);
  const [error, setError] = useState<string>();
  const active = halts.filter(halt => halt.active);
  const lifted = halts.filter(halt => !halt.active);

  const lift = async (halt: Halt) => {
    setError(undefined);
    try {
      await deliveryApi.liftHalt!(halt.id);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <InfoCard title="Halts">
      <Typography variant="body2" paragraph>
        A halt stops every promotion, hotfix and rollback of a domain or of the
        whole portal at once, for an incident; approved promotions wait until it
        is lifted.
      </Typography>
      <HaltForm onHalted={onChanged} />
      {error && <Alert severity="error">{error}</Alert>}
      <Typography variant="h6" component="h3">
        In force
      </Typography>
      {active.length === 0 ? (
        <Typography variant="body2">Nothing is halted.</Typography>
      ) : (
        <List aria-label="Halts in force">
          {active.map(halt => (
            <ListItem key={halt.id}>
              <ListItemText primary={describeHalt(halt)} />
              <ListItemSecondaryAction>
                <Button variant="outlined" onClick={() => lift(halt)}>
                  Lift
                </Button>
              </ListItemSecondaryAction>
            </ListItem>
          ))}
        </List>
      )}
      {lifted.length > 0 && (
        <>
          <Typography variant="h6" component="h3">
            Lifted in the last 30 days
          </Typography>
          <List dense aria-label="Lifted halts">
            {lifted.map(halt => (
              <ListItem key={halt.id}>
                <ListItemText
                  primary={describeHalt(halt)}
                  secondary={`Lifted by ${halt.liftedBy}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </InfoCard>
  );
};
