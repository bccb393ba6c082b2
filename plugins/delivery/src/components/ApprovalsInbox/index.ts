export { ApprovalsInbox } from './ApprovalsInbox';
