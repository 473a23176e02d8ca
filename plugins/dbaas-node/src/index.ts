/**
 * The driver contract and extension point of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export * from './driver';
export * from './context';
export * from './capabilities';
export * from './spec';
export * from './observed';
export * from './connector';
export * from './secrets';
export * from './errors';
export * from './snapshots';
export * from './stats';
export * from './extensions';
export * from './client';
export * from './sentinelUsers';
export * from './artifacts';
