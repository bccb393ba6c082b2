export { DoraTrendChart } from './DoraTrendChart';
