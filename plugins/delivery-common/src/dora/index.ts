export * from './percentile';
export * from './tiers';
export * from './explanations';
