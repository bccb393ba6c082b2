export { EnvironmentCard, describePolicy } from './EnvironmentCard';
