/**
 * The driver contract and extension point of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export * from './driver';
export * from './snapshots';
export * from './stats';
export * from './extensions';
export * from './client';
