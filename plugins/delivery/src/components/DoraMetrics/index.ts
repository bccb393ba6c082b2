export { DoraMetrics } from './DoraMetrics';
