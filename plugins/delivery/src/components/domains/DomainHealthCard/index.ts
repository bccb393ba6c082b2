export { DomainHealthCard } from './DomainHealthCard';
