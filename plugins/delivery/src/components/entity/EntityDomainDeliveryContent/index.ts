export { EntityDomainDeliveryContent } from './EntityDomainDeliveryContent';
