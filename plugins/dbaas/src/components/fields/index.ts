export * from './DbaasPlatformRegionPicker';
export * from './DbaasVersionPicker';
