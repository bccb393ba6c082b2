export { ValuesDiff } from './ValuesDiff';
