export { DeliveryFilters } from './DeliveryFilters';
export type { DeliveryFilterValues, FilterOption } from './DeliveryFilters';
