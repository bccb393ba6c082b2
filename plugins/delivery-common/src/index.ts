/**
 * Isomorphic types, permissions, annotation names and pure helpers of the
 * Domain Delivery plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './permissions';
export * from './schema';
export * from './types';
export * from './environments';
export * from './deploymentStatus';
export * from './refs';
export * from './dora';
export * from './promotionStates';
export * from './signals';
export * from './duration';
export * from './gitops';
