export { TestVault } from './TestVault';
export type { Policy, Capability } from './policy';
export type { PluginCall, Lease } from './databaseEngine';
export { startAclRedis } from './aclRedis';
