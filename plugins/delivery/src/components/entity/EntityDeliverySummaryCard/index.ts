export { EntityDeliverySummaryCard } from './EntityDeliverySummaryCard';
export type { EntityDeliverySummaryCardProps } from './EntityDeliverySummaryCard';
