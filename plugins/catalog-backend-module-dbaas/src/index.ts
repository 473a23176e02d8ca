/**
 * A catalog module that mirrors JustManage dbaas instances into the catalog
 * as `Resource` entities.
 *
 * @packageDocumentation
 */
export { catalogModuleDbaas as default } from './module';
export { DbaasEntityProvider } from './providers/DbaasEntityProvider';
export { instanceToEntity } from './providers/instanceToEntity';
export type { InstanceEntityUrls } from './providers/instanceToEntity';
