/**
 * Extension points of the delivery backend plugin, for modules that add
 * promotion executors.
 *
 * @packageDocumentation
 */

export * from './executors';
export * from './extensions';
export * from './eventSources';
export * from './seededRandom';
