export * from './environment';
export * from './deployment';
export * from './incident';
export * from './promotion';
export * from './events';
export * from './api';
export * from './promotionApi';
