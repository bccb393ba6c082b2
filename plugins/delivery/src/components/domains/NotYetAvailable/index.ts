export { NotYetAvailable } from './NotYetAvailable';
