/**
 * Extension points of the delivery backend plugin, for modules that add
 * promotion executors, and the GitOps repository (local git or GitHub) that
 * the backend and the scaffolder actions write to.
 *
 * @packageDocumentation
 */

export * from './executors';
export * from './extensions';
export * from './eventSources';
export * from './deploymentGates';
export * from './gitops';
export * from './config';
export * from './argocd';
