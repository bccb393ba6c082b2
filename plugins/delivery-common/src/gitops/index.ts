export * from './repositoryLayout';
