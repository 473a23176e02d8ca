export * from './configParameters';
export * from './configSchema';
export * from './previewConfigChange';
