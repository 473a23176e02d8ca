export * from './permissions';
export * from './backupSchedule';
export * from './backupPolicyProblem';
