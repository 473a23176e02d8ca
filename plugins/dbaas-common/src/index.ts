/**
 * Types, permissions and validation shared by the JustManage dbaas plugins.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './validation';
export * from './allowList';
export * from './config';
export * from './annotations';
export * from './versions';
export * from './upgrades';
export * from './versionLogic';
export * from './engineVersion';
export * from './metrics';
export * from './alerts';
export * from './bigKeys';
export * from './maintenance';
export * from './generated';
export * from './connection';
export * from './acl';
export * from './backups';
