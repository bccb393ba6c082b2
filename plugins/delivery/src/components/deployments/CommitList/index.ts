export { CommitList, shortSha } from './CommitList';
export type { CommitSummary } from './CommitList';
