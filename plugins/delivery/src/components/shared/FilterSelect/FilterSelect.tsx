import TextField from '@material-ui/core/TextField';

/** One choice of a filter. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A filter as a native, labelled select whose first choice, the empty
 * string, means "all".
 */
export const FilterSelect = ({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
  className,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
  className?: string;
}) => (
  <TextField
    select
    id={id}
    label={label}
    value={value}
    onChange={e => onChange(e.target.value)}
    SelectProps={{ native: true }}
    InputLabelProps={{ shrink: true }}
    className={className}
  >
    <option value="">{allLabel}</option>
    {options.map(option => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ))}
  </TextField>
);
