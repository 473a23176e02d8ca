/**
 * The driver contract and extension point of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export * from './driver';
export * from './extensions';
export * from './client';
