export { RollbackButton } from './RollbackButton';
