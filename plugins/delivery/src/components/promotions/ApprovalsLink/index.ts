export { ApprovalsLink } from './ApprovalsLink';
