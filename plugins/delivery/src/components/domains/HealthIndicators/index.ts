export { HealthIndicators } from './HealthIndicators';
export type { HealthIndicatorValues } from './HealthIndicators';
export {
  readHealthIndicators,
  useHealthIndicators,
} from './useHealthIndicators';
