export { DoraSection } from './DoraSection';
export { useDora } from './useDora';
