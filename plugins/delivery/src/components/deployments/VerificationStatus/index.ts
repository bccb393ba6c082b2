export { VerificationStatus, describeCheck } from './VerificationStatus';
