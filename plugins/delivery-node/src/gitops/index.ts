export * from './GitOpsRepository';
export * from './commitAuthor';
export * from './localGitOpsPath';
export { gitBlobSha } from './fileContent';
export { unifiedDiff } from './unifiedDiff';
export * from './local/LocalGitOpsRepository';
export * from './github/GitHubClientFactory';
export * from './github/GitHubGitOpsRepository';
export * from './defaultEnvironments';
