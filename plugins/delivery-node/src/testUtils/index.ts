/**
 * Helpers for tests and simulated data of the delivery plugins.
 *
 * @packageDocumentation
 */

export * from './seededRandom';
