import { makeStyles } from '@material-ui/core/styles';
import { FilterOption, FilterSelect } from '../../shared/FilterSelect';

/** The overview's filters; an empty string means "all". */
export interface DeliveryFilterValues {
  domain: string;
  owner: string;
  environment: string;
}

/** The overview's filters in the order they show, with their labels. */
const FILTERS: Array<{
  key: keyof DeliveryFilterValues;
  label: string;
  allLabel: string;
}> = [
  { key: 'domain', label: 'Domain', allLabel: 'All domains' },
  { key: 'owner', label: 'Owner', allLabel: 'All owners' },
  { key: 'environment', label: 'Environment', allLabel: 'All environments' },
];

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(3),
  },
  filter: { minWidth: 220 },
}));

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
  const options: Record<keyof DeliveryFilterValues, FilterOption[]> = {
    domain: domains,
    owner: owners,
    environment: environments,
  };
  return (
    <div
      className={classes.filters}
      role="search"
      aria-label="Filter deliveries"
    >
      {FILTERS.map(({ key, label, allLabel }) => (
        <FilterSelect
          key={key}
          id={`delivery-filter-${key}`}
          label={label}
          allLabel={allLabel}
          value={values[key]}
          options={options[key]}
          onChange={value => onChange({ ...values, [key]: value })}
          className={classes.filter}
        />
      ))}
    </div>
  );
};
