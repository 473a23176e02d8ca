/**
 * The Nomad driver of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export { dbaasModuleNomadDriver as default } from './module';
export { NomadDriver } from './NomadDriver';
export { nomadDriverPolicy } from './aclPolicy';
export * from './client';
