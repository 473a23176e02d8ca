export * from './parseEngineVersion';
export * from './compareVersions';
export * from './classifyChange';
export * from './severity';
export * from './advisoriesAffecting';
