export * from './types';
export * from './percentile';
export * from './tiers';
export * from './explanations';
