export { DoraMetrics } from './DoraMetrics';
export { DoraMetricTile } from './DoraMetricTile';
export { DoraTierChip } from './DoraTierChip';
