export { HealthSignals } from './HealthSignals';
export type { HealthSignalValues } from './HealthSignals';
export { readHealthSignals, useHealthSignals } from './useHealthSignals';
