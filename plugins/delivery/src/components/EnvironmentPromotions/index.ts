export { EnvironmentPromotions } from './EnvironmentPromotions';
