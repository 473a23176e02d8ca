export * from './permissions';
export * from './backupSchedule';
