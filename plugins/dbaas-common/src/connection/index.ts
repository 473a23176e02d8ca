export { APP_USERNAME } from './appUsername';
export type { ConnectionTarget, SentinelAddress } from './types';
export {
  environmentFile,
  environmentVariables,
  redisCliCommand,
  redisUrl,
  sentinelCliCommand,
} from './connectionStrings';
export {
  clientSnippet,
  REDIS_CLIENT_LIBRARIES,
  type RedisClientLibrary,
} from './clientSnippets';
