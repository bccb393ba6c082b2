import Alert from '@material-ui/lab/Alert';
import { Environment } from '@domain-delivery/backstage-plugin-delivery-common';
import { describeHalt } from './describeControls';
import { describeActiveFreeze } from './describeControls';
import { useControls } from './useControls';

/**
 * The halts and freezes in force, at a glance: on the overview all of them,
 * on a domain's page the portal's and that domain's. Nothing while none holds
 * (or while they load).
 */
export const ActiveControlsBanner = ({
  domainRef,
  environments,
}: {
  /** A domain's ref; without it every domain's halts show. */
  domainRef?: string;
  /** For the environments' titles. */
  environments?: Array<Pick<Environment, 'name' | 'title'>>;
}) => {
  const { value } = useControls();
  if (!value) {
    return null;
  }
  const halts = value.halts.filter(
    halt =>
      halt.active &&
      (!domainRef ||
        halt.scope === 'portal' ||
        halt.scope === domainRef.toLocaleLowerCase('en-US')),
  );
  const freezes = value.freezeWindows.filter(entry => entry.active);
  if (halts.length === 0 && freezes.length === 0) {
    return null;
  }
  return (
    <div role="status" style={{ marginBottom: 16 }}>
      {halts.map(halt => (
        <Alert severity="error" key={halt.id}>
          {describeHalt(halt)}
        </Alert>
      ))}
      {freezes.map(entry => (
        <Alert
          severity="warning"
          key={`${entry.environment}-${
            entry.id ?? JSON.stringify(entry.window)
          }`}
        >
          {describeActiveFreeze(entry, environments)}
        </Alert>
      ))}
    </div>
  );
};
