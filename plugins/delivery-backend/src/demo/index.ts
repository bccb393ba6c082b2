export { generateDemoHistory } from './generateDemoHistory';
export type { DemoHistoryOptions } from './generateDemoHistory';
export { DemoHistoryLoader } from './DemoHistoryLoader';
export type {
  DemoHistoryIngestion,
  DemoHistoryLoaderOptions,
} from './DemoHistoryLoader';
