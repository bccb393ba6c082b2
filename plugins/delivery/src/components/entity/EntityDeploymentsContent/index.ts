export { EntityDeploymentsContent } from './EntityDeploymentsContent';
export type { EntityDeploymentsContentProps } from './EntityDeploymentsContent';
