export { NomadClient } from './NomadClient';
export type { NomadConnection, QueryOptions, QueryResult } from './transport';
export * from './types';
