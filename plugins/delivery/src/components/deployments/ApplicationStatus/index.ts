export { ApplicationStatus, sourceTitle } from './ApplicationStatus';
