export { DoraSpread } from './DoraSpread';
