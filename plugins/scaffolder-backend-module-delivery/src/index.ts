/**
 * Scaffolder actions that give a new domain service its delivery wiring.
 *
 * @packageDocumentation
 */
export { scaffolderModule as default } from './module';
export { createCatalogAnnotateAction } from './actions/catalogAnnotate';
