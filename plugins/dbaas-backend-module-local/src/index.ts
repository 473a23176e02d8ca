/**
 * The local driver of the JustManage dbaas backend.
 *
 * @packageDocumentation
 */
export { dbaasModuleLocalDriver as default } from './module';
export { LocalDriver } from './LocalDriver';
