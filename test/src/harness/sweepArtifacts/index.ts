export { SWEEP_DIR_VARIABLE, keptPath, sweepDir } from './sweepDir';
export { recordProblem, recordSecret } from './recordSecret';
export type { SecretKind } from './recordSecret';
export { recordSecretsInJson } from './secretsInJson';
export { harvestFolder } from './harvestFolder';
export { harvestDatabase } from './storedSecrets';
export { keepPostgresDatabase, keepSqliteFilesUnder } from './keepDatabases';
export {
  harvest,
  harvestLiveBackends,
  harvestTargetOf,
  watchBackend,
} from './liveBackends';
export type { HarvestTarget } from './liveBackends';
export { recordSecretsFromPage } from './browserResponses';
