export { DomainDeliveryPage } from './DomainDeliveryPage';
