/**
 * Scaffolder actions that create and delete JustManage dbaas instances.
 *
 * @packageDocumentation
 */
export { scaffolderModuleDbaas as default } from './module';
export { createDbaasRedisCreateAction } from './actions/createRedis';
export { createDbaasRedisDeleteAction } from './actions/deleteRedis';
export { PLAN_MEMORY_MB, PLANS } from './actions/plans';
export type { Plan } from './actions/plans';
