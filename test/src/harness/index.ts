export {
  BackendProcess,
  REPO_ROOT,
  TEST_ENCRYPTION_KEY,
} from './BackendProcess';
export type { BackendProcessOptions } from './BackendProcess';
export { backendConfig } from './backendConfig';
export type { BackendConfigOptions, DatabaseChoice } from './backendConfig';
export { guestToken } from './guestToken';
export {
  createRequest,
  dbaasApi,
  findInstance,
  guestApi,
  waitForOperation,
} from './dbaasApi';
export type { WaitOptions } from './dbaasApi';
// The API's own types, generated from openapi.yaml, under the names tests use.
export type {
  Accepted,
  ConnectionDetails as Connection,
  DbaasApiClient,
  Instance,
  InstanceStatus,
  Operation,
  OperationStep,
} from '@justmanage/plugin-dbaas-common';
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
export {
  recordSecret,
  recordSecretsFromPage,
  SWEEP_DIR_VARIABLE,
} from './sweepArtifacts';
