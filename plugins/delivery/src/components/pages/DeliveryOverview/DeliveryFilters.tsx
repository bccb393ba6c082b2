import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';

/** The overview's filters; an empty string means "all". */
export interface DeliveryFilterValues {
  domain: string;
  owner: string;
  environment: string;
}

/** One choice of a filter. */
export interface FilterOption {
  value: string;
  label: string;
}

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(3),
  },
  filter: { minWidth: 220 },
}));

const FilterSelect = ({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
}) => {
  const classes = useStyles();
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={e => onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      className={classes.filter}
    >
      <option value="">{allLabel}</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
};

/** Filters by domain, owner and environment, as native, labelled selects. */
export const DeliveryFilters = ({
  values,
  domains,
  owners,
  environments,
  onChange,
}: {
  values: DeliveryFilterValues;
  domains: FilterOption[];
  owners: FilterOption[];
  environments: FilterOption[];
  onChange: (values: DeliveryFilterValues) => void;
}) => {
  const classes = useStyles();
  return (
    <div
      className={classes.filters}
      role="search"
      aria-label="Filter deliveries"
    >
      <FilterSelect
        id="delivery-filter-domain"
        label="Domain"
        allLabel="All domains"
        value={values.domain}
        options={domains}
        onChange={domain => onChange({ ...values, domain })}
      />
      <FilterSelect
        id="delivery-filter-owner"
        label="Owner"
        allLabel="All owners"
        value={values.owner}
        options={owners}
        onChange={owner => onChange({ ...values, owner })}
      />
      <FilterSelect
        id="delivery-filter-environment"
        label="Environment"
        allLabel="All environments"
        value={values.environment}
        options={environments}
        onChange={environment => onChange({ ...values, environment })}
      />
    </div>
  );
};
