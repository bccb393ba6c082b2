export { GroupDoraCard } from './GroupDoraCard';
export type { GroupDoraCardProps } from './GroupDoraCard';
