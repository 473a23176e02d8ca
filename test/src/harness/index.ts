export {
  BackendProcess,
  REPO_ROOT,
  TEST_ENCRYPTION_KEY,
} from './BackendProcess';
export type { BackendProcessOptions } from './BackendProcess';
export { backendConfig } from './backendConfig';
export type { BackendConfigOptions, DatabaseChoice } from './backendConfig';
export { guestToken } from './guestToken';
export { DbaasApiClient } from './DbaasApiClient';
export type { WaitOptions } from './DbaasApiClient';
export { createRequest } from './apiTypes';
export type {
  Accepted,
  Connection,
  Instance,
  InstanceStatus,
  Operation,
  OperationStep,
} from './apiTypes';
export { redisProcesses } from './redisProcesses';
export { redisGet, redisSetGet } from './redisSetGet';
export {
  POSTGRES_URL,
  connectPostgres,
  dropDatabases,
  uniqueDatabasePrefix,
} from './postgres';
export { makeTempDir, removeDir } from './tempDir';
export { ResourcePool } from './ResourcePool';
