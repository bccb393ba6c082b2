export { EntityDeliverySummaryCard } from './EntityDeliverySummaryCard';
