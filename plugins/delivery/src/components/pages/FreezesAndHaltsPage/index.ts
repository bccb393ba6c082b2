export { FreezesAndHaltsPage } from './FreezesAndHaltsPage';
