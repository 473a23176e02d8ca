/**
 * Catalog annotations on the `Resource` entities the catalog module emits for
 * instances. The frontend reads them to find the instance behind an entity.
 */

/** The instance id; its presence is what shows the Redis tab. @public */
export const DBAAS_INSTANCE_ID_ANNOTATION = 'justmanage.io/instance-id';

/** @public */
export const DBAAS_PLATFORM_ANNOTATION = 'justmanage.io/platform';

/** @public */
export const DBAAS_REGION_ANNOTATION = 'justmanage.io/region';

/** Engine and version, such as `redis 7.0.15`. @public */
export const DBAAS_ENGINE_VERSION_ANNOTATION = 'justmanage.io/engine-version';

/**
 * The catalog entity ref of an instance: instance names are unique, so the
 * name alone identifies the entity.
 * @public
 */
export function dbaasEntityRef(instanceName: string): string {
  return `resource:default/${instanceName}`;
}
