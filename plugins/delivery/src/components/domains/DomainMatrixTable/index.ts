export { DomainMatrixTable } from './DomainMatrixTable';
