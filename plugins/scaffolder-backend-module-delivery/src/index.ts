/**
 * Scaffolder actions that give a new domain service its delivery wiring.
 *
 * @packageDocumentation
 */
export { scaffolderModule as default } from './module';
export { createCatalogAnnotateAction } from './actions/catalogAnnotate';
export { createWorkflowCreateAction } from './actions/workflowCreate';
export { createHelmValuesAction } from './actions/helmValues';
export { createArgoCdApplicationsAction } from './actions/argocdApplications';
export { createGitOpsPublishAction } from './actions/gitopsPublish';
export { createCatalogRefreshAction } from './actions/catalogRefresh';
export { createCatalogDomainServicesAction } from './actions/catalogDomainServices';
export type { CatalogAccess } from './catalog/catalogRequests';
export {
  SERVICE_LANGUAGES,
  type ServiceLanguage,
} from './render/workflow/languages';
