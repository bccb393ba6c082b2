export { DomainDeliveryContent } from './DomainDeliveryContent';
