export { EnvironmentCard, describePolicy } from './EnvironmentCard';
export type { NextEnvironmentPolicy } from './EnvironmentCard';
