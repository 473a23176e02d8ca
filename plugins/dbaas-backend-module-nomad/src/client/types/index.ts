export * from './job';
export * from './plan';
export * from './allocation';
export * from './variable';
