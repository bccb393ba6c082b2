export * from './ArgoCdApplication';
export * from './ArgoCdClient';
