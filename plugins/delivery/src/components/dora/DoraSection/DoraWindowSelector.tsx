import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { DORA_WINDOWS, DoraWindowDays } from '../../../dora/doraWindow';

/** Chooses how many days back the DORA metrics reach; one window is always chosen. */
export const DoraWindowSelector = ({
  days,
  onChange,
}: {
  days: DoraWindowDays;
  onChange: (days: DoraWindowDays) => void;
}) => (
  <ToggleButtonGroup
    size="small"
    exclusive
    value={days}
    aria-label="Period of the DORA metrics"
    onChange={(_event, chosen: DoraWindowDays | null) => {
      // Pressing the chosen window again would choose none.
      if (chosen !== null) onChange(chosen);
    }}
  >
    {DORA_WINDOWS.map(option => (
      <ToggleButton key={option.days} value={option.days}>
        {option.label}
      </ToggleButton>
    ))}
  </ToggleButtonGroup>
);
