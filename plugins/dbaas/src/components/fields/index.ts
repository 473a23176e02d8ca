export * from './DbaasPlatformRegionPicker';
export * from './DbaasVersionPicker';
export * from './DbaasInstanceName';
export * from './DbaasOwnerPicker';
export * from './DbaasResourcesPicker';
export * from './DbaasUpgradePolicyPicker';
