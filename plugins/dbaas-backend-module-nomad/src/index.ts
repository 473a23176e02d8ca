/**
 * The Nomad driver of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export * from './client';
